"""The task and draft commands as people run them: output, --json, exit codes, files written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from baocao.draft.pdf import soffice
from tests.conftest import run_cli, seed_path


@pytest.mark.seeds
def test_tasks_of_lists_the_twelve_tasks_one_per_line_numbered_as_printed() -> None:
    proc = run_cli("tasks-of", str(seed_path("004")))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "Nhiệm vụ trọng tâm (12) — kỳ 2025-09:"
    assert [line.split(".", 1)[0] for line in lines[1:13]] == [str(n) for n in range(1, 13)]
    assert lines[2].startswith("2. [Nông, lâm nghiệp và xây dựng nông thôn mới] Tập trung chăm sóc cây trồng vụ Mùa")


@pytest.mark.seeds
def test_tasks_of_a_work_programme_shows_the_meeting_schedule() -> None:
    proc = run_cli("tasks-of", str(seed_path("002")))
    assert proc.returncode == 0, proc.stderr
    assert "Lịch họp (6):" in proc.stdout
    assert "Họp UBND tỉnh thường kỳ: 16/5/2025 và 30/5/2025" in proc.stdout
    assert "Họp giao ban Thường trực Thành ủy: thứ Hai hàng tuần" in proc.stdout


@pytest.mark.seeds
def test_tasks_of_json_has_tasks_and_late_units() -> None:
    proc = run_cli("tasks-of", str(seed_path("000")), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["period"] == "2025-06"
    assert [t["number"] for t in data["tasks"]] == ["1", "2", "3", "4"]
    assert data["tasks"][0]["key"] == "2025-07:task:1"
    assert [u["unit"] for u in data["late_units"]] == ["phòng Kinh tế, Hạ tầng và Đô thị",
                                                       "phòng Nông nghiệp và Môi trường thành phố"]


@pytest.mark.seeds
def test_follow_prints_status_evidence_and_a_period_warning() -> None:
    proc = run_cli("follow", str(seed_path("002")), str(seed_path("000")))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Lưu ý: Nhiệm vụ được giao cho kỳ 2025-05 nhưng báo cáo sau là kỳ 2025-06")
    assert "Tổng hợp: " in out
    line = next(i for i, text in enumerate(out.splitlines()) if text.startswith("2.2.a. "))
    assert "ĐANG THỰC HIỆN" in out.splitlines()[line]
    assert out.splitlines()[line + 1].startswith("    ↳ p22")


@pytest.mark.seeds
def test_follow_json() -> None:
    proc = run_cli("follow", str(seed_path("002")), str(seed_path("000")), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert (data["previous_period"], data["current_period"]) == ("2025-05", "2025-06")
    assert len(data["statuses"]) == 30
    assert {s["status"] for s in data["statuses"]} <= {"done", "in_progress", "not_mentioned"}
    assert all(0 <= s["confidence"] <= 1 for s in data["statuses"])


def test_follow_of_a_missing_file_is_one_vietnamese_line(tmp_path: Path) -> None:
    proc = run_cli("follow", str(tmp_path / "khong-co.txt"), str(tmp_path / "cung-khong.txt"))
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("baocao: ") and "Traceback" not in proc.stderr


def test_draft_demo_writes_a_docx_and_an_annex(tmp_path: Path) -> None:
    out = tmp_path / "du-thao.docx"
    xlsx = tmp_path / "bieu.xlsx"
    proc = run_cli("draft-demo", "--out", str(out), "--xlsx", str(xlsx))
    assert proc.returncode == 0, proc.stderr
    assert "số liệu minh họa" in proc.stdout
    assert zipfile.is_zipfile(out) and "word/document.xml" in zipfile.ZipFile(out).namelist()
    assert zipfile.is_zipfile(xlsx)


def test_draft_demo_pdf(tmp_path: Path) -> None:
    if soffice() is None:
        pytest.skip("LIBREOFFICE MISSING: install libreoffice-writer-nogui to test --pdf")
    out = tmp_path / "du-thao.docx"
    proc = run_cli("draft-demo", "--out", str(out), "--pdf")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "du-thao.pdf").read_bytes().startswith(b"%PDF")


def test_draft_demo_without_libreoffice_keeps_the_docx_and_says_why(tmp_path: Path) -> None:
    out = tmp_path / "du-thao.docx"
    proc = run_cli("draft-demo", "--out", str(out), "--pdf", env={"PATH": str(tmp_path)})
    assert proc.returncode == 2
    assert out.exists()
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Chưa cài LibreOffice" in lines[0]


def test_commands_are_listed_in_help() -> None:
    proc = run_cli("--help")
    for command in ("tasks-of", "follow", "draft-demo"):
        assert command in proc.stdout
