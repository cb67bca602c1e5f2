"""`baocao tasks` and `baocao draft` on a store filled the way users fill it (synth, units import,
ingest), run as subprocesses: output, --json, the files written, and the round trip of the draft
through `baocao parse`, `baocao extract` and `baocao check`."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import run_cli

TASK_LINE = re.compile(r"^(\d+)\. \[(đã thực hiện|đang thực hiện|chưa đề cập)(?: · [^\]]+)?\] \S")


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.corpus = root / "corpus"

    def run(self, *args: str, **env: str) -> Any:
        return run_cli(*args, env={"BAOCAO_HOME": str(self.home), **env})

    def truth(self, file_name: str) -> dict[str, Any]:
        for line in (self.corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["file"] == file_name:
                return record
        raise KeyError(file_name)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A synthetic province (seed 7): October 2024 of every unit then; September 2025 of the four
    wards and the province; October 2025 of three wards (55504 has not reported) and the province."""
    s = Store(tmp_path_factory.mktemp("cli-draft"))
    assert s.run("synth", "--units", "4", "--months", "22", "--seed", "7", "--out", str(s.corpus)).returncode == 0
    assert s.run("init", "--no-provinces").returncode == 0
    assert s.run("units", "import", str(s.corpus / "units.csv")).returncode == 0
    assert s.run("units", "lineage", str(s.corpus / "lineage.csv")).returncode == 0
    files = [*sorted(s.corpus.glob("*_2024-10.txt")), *sorted(s.corpus.glob("*_2025-09.txt")),
             *(s.corpus / f"{c}_2025-10.txt" for c in ("55501", "55502", "55503", "55"))]
    proc = s.run("ingest", *map(str, files), "--status", "submitted")
    assert proc.returncode == 0, proc.stderr
    return s


def test_tasks_lists_last_months_tasks_one_per_line_numbered_as_printed(store: Store) -> None:
    proc = store.run("tasks", "55501", "2025-10")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "Nhiệm vụ trọng tâm tháng 10/2025 — phường Thanh Lĩnh (55501)"
    tasks = [m for m in map(TASK_LINE.match, lines) if m]
    planned = store.truth("55501_2025-09.txt")["tasks"]
    assert [m.group(1) for m in tasks] == [t["number"] for t in planned]
    assert "Giao tại báo cáo tháng 9/2025:" in lines
    assert any(line.startswith("Kết quả theo: báo cáo tháng 10/2025 (phiên bản 1)") for line in lines)
    assert lines[-1].startswith("Tổng hợp: ") or any(line.startswith("Tổng hợp: ") for line in lines)


def test_tasks_statuses_mostly_agree_with_the_known_outcomes(store: Store) -> None:
    data = json.loads(store.run("tasks", "55501", "2025-10", "--json").stdout)
    truth = {o["number"]: o["status"] for o in store.truth("55501_2025-10.txt")["task_outcomes"]}
    got = {t["number"]: t["status"] for t in data["tasks"]}
    assert set(got) == set(truth)
    assert sum(got[n] == truth[n] for n in got) >= len(got) - 2, (got, truth)
    assert sum(data["summary"].values()) == len(got)


def test_tasks_of_a_ward_without_its_report_yet(store: Store) -> None:
    proc = store.run("tasks", "55504", "2025-10")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if re.match(r"^\d+\. \[", line)]
    assert lines and all("[chưa có báo cáo kỳ sau]" in line for line in lines)


def test_tasks_planned_for_a_month_with_no_report_yet(store: Store) -> None:
    proc = store.run("tasks", "55501", "2025-11")  # planned in October's report
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "Nhiệm vụ trọng tâm tháng 11/2025 — phường Thanh Lĩnh (55501)"
    assert "[chưa có báo cáo kỳ sau]" in proc.stdout
    nothing = store.run("tasks", "55501", "2019-01")
    assert nothing.returncode == 0 and "Chưa có nhiệm vụ nào được giao cho kỳ này" in nothing.stdout


def test_tasks_with_an_unknown_unit_or_a_bad_period_is_one_line_and_exit_2(store: Store) -> None:
    for args in (("99999", "2025-10"), ("55501", "tháng mười")):
        proc = store.run("tasks", *args)
        assert proc.returncode == 2, (args, proc.stdout)
        assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("baocao: ")


@pytest.fixture(scope="module")
def ward_draft(store: Store) -> Path:
    out = store.root / "du-thao-55501.docx"
    proc = store.run("draft", "55501", "2025-10", "--out", str(out), "--xlsx", str(store.root / "bieu-55501.xlsx"))
    assert proc.returncode == 0, proc.stderr
    assert f"Đã ghi dự thảo báo cáo tháng 10/2025 của phường Thanh Lĩnh: {out}" in proc.stdout
    return out


def test_parse_reads_the_draft_back_as_the_wards_october_report(store: Store, ward_draft: Path) -> None:
    proc = store.run("parse", str(ward_draft), "--json")
    assert proc.returncode == 0, proc.stderr
    meta = json.loads(proc.stdout)["meta"]
    assert meta["period"]["code"] == "2025-10" and meta["doc_type"] == "report"
    assert (meta["unit_kind"], meta["unit_name"], meta["level"]) == ("phường", "Thanh Lĩnh", "commune")
    assert meta["title"] == "Tình hình kinh tế - xã hội tháng 10 năm 2025 và nhiệm vụ trọng tâm tháng 11 năm 2025"


def test_extract_gives_back_the_stores_figures(store: Store, ward_draft: Path) -> None:
    facts = json.loads(store.run("extract", str(ward_draft), "--json").stdout)["facts"]
    for indicator in ("tthc.received", "budget.revenue.total", "health.examinations", "docs.incoming"):
        rows = json.loads(store.run("values", indicator, "--unit", "55501", "--from", "2025-10", "--to", "2025-10",
                                    "--json").stdout)["rows"]
        stored = rows[0]["value"]
        assert stored is not None, indicator
        back = [f["value"] for f in facts if f["indicator"] == indicator and f["qualifiers"]["scope"] == "period"
                and f["role"] not in ("percent_change", "achievement")]
        assert back and back[0] == pytest.approx(stored, rel=1e-3), (indicator, back, stored)


def test_check_finds_no_error_in_the_draft(store: Store, ward_draft: Path) -> None:
    proc = store.run("check", str(ward_draft), "--strict")
    assert proc.returncode == 0, proc.stdout
    assert " 0 lỗi" in proc.stdout


def test_the_annex_has_formulas(store: Store, ward_draft: Path) -> None:
    wb = load_workbook(store.root / "bieu-55501.xlsx")
    formulas = [c.value for ws in wb.worksheets[1:] for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    assert any(f.startswith("=SUM(") for f in formulas) and any(f.startswith("=IF(AND(ISNUMBER(") for f in formulas)


def test_the_province_draft_names_the_ward_that_has_not_reported(store: Store) -> None:
    out = store.root / "du-thao-55.docx"
    proc = store.run("draft", "55", "2025-10", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "tổng hợp từ các đơn vị trực thuộc" in proc.stdout
    assert "Đơn vị chưa gửi báo cáo (1): phường Thạch Hải." in proc.stdout
    text = json.loads(store.run("parse", str(out), "--json").stdout)["text"]
    assert "Các đơn vị chưa gửi báo cáo: phường Thạch Hải." in text


def test_draft_without_libreoffice_keeps_the_docx_and_says_so_in_one_line(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "du-thao.docx"
    bare = tmp_path / "bin"
    bare.mkdir()
    proc = store.run("draft", "55501", "2025-10", "--out", str(out), "--pdf", PATH=str(bare))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert "Chưa cài LibreOffice" in proc.stderr and "libreoffice-writer-nogui" in proc.stderr
    assert out.exists() and not out.with_suffix(".pdf").exists()


@pytest.mark.skipif(not any(os.access(Path(p) / "soffice", os.X_OK) for p in os.environ.get("PATH", "").split(":")),
                    reason="LIBREOFFICE MISSING: install libreoffice-writer-nogui to make PDF drafts")
def test_draft_with_pdf_writes_the_pdf(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "du-thao.docx"
    proc = store.run("draft", "55501", "2025-10", "--out", str(out), "--pdf")
    assert proc.returncode == 0, proc.stderr
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
