"""baocao parse / extract / check through the command line, as users run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, run_cli, seed_path

WARD = GOLDEN / "ward_header_footnotes.txt"


def test_parse_prints_structure_and_json() -> None:
    human = run_cli("parse", str(WARD))
    assert human.returncode == 0, human.stderr
    assert "Đơn vị: phường Hoà Bình" in human.stdout and "Chú thích (4)" in human.stdout
    data = json.loads(run_cli("parse", str(WARD), "--json").stdout)
    assert data["meta"]["period"]["code"] == "2025-11"
    assert {"meta", "sections", "footnotes", "text", "warnings"} <= set(data)


def test_extract_json_has_the_fields_of_a_fact() -> None:
    proc = run_cli("extract", str(WARD), "--json")
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout)["facts"]
    amount = next(f for f in facts if f["raw"].startswith("36.618.000"))
    assert amount["value"] == 36618000 and amount["unit"] == "VND" and amount["dimension"] == "money"
    for key in ("id", "sentence", "paragraph", "footnote", "start", "end", "subject", "qualifiers", "relations",
                "indicator", "indicator_confidence"):
        assert key in amount
    parts = [f for f in facts if f["footnote"] == 1]
    assert [p["value"] for p in parts] == [20000000, 16618000]


def test_check_strict_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "loi.txt"
    bad.write_text(
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n\nTrong tháng 11 năm 2025, tiếp nhận 771 hồ sơ, trong đó: trực tuyến 500 hồ sơ, "
        "trực tiếp 300 hồ sơ. Tỷ lệ giải quyết đúng hạn 67/73 hồ sơ (95,5%).\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 12/2025\n\n1. Tiếp tục thu ngân sách.\n\n",
        encoding="utf-8",
    )
    loose = run_cli("check", str(bad))
    assert loose.returncode == 0
    assert "771 hồ sơ" in loose.stdout and "LỖI" in loose.stdout
    strict = run_cli("check", str(bad), "--strict")
    assert strict.returncode == 1
    data = json.loads(run_cli("check", str(bad), "--json").stdout)
    codes = {f["code"] for f in data["findings"]}
    assert {"sum_mismatch", "percent_mismatch"} <= codes
    assert all(f["evidence"] and f["message"] for f in data["findings"])


def test_check_writes_one_self_contained_html_page(tmp_path: Path) -> None:
    out = tmp_path / "kiemtra.html"
    proc = run_cli("check", str(seed_path("004")), "--format", "html", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<mark" in page and "81,5%" in page
    assert "http" not in page.split("<body>")[0]  # no external CSS or scripts


@pytest.mark.seeds
def test_check_with_previous_report_runs(tmp_path: Path) -> None:
    proc = run_cli("check", str(seed_path("000")), "--previous", str(seed_path("002")))
    assert proc.returncode == 0, proc.stderr
    assert "phát hiện" in proc.stdout
