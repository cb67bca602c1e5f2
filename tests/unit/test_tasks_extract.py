"""Planned tasks of reports and work programmes: where they are, how they are numbered,
their sector, period, responsible units and meeting dates."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from baocao.config import Config
from baocao.parse.model import Document
from baocao.pipeline import analyze, analyze_bytes
from baocao.tasks import extract_tasks
from baocao.tasks.model import PlannedTask
from tests.conftest import seed_path


def text_layer(text: str) -> str:
    """Paragraphs (one per line) laid out like a PDF text layer: wrapped, a blank line after each line."""
    lines: list[str] = []
    for paragraph in text.strip().splitlines():
        lines.extend(textwrap.wrap(paragraph, 72) or [""])
    return "".join(f"{line}\n\n" for line in lines)


def parse_text(text: str) -> Document:
    return analyze_bytes(text_layer(text).encode(), "bao-cao.txt", Config()).document


def seed_tasks(prefix: str) -> list[PlannedTask]:
    return extract_tasks(analyze(seed_path(prefix), Config()).document)


@pytest.mark.seeds
def test_province_report_has_twelve_tasks_numbered_as_printed_for_september() -> None:
    tasks = seed_tasks("004")
    assert [t.number for t in tasks] == [str(n) for n in range(1, 13)]
    assert {t.period for t in tasks} == {"2025-09"}
    assert all(t.number_printed and t.kind == "task" for t in tasks)
    by_number = {t.number: t for t in tasks}
    assert by_number["2"].sector == "agriculture"
    assert by_number["5"].sector == "investment"
    assert by_number["7"].sector == "budget"
    assert by_number["8"].sector == "education"
    assert by_number["12"].sector == "inspection"
    assert by_number["1"].text.startswith("Tiếp tục tổ chức thực hiện đồng bộ")
    assert not by_number["1"].text.startswith("1.")


@pytest.mark.seeds
def test_unnumbered_paragraphs_after_a_numbered_task_continue_it() -> None:
    task8 = {t.number: t for t in seed_tasks("004")}["8"]
    assert len(task8.paragraphs) == 4  # task 8 and three unnumbered paragraphs before task 9
    assert "khai giảng" in task8.text and "Thực hiện đầy đủ và toàn diện các chính sách" in task8.text


@pytest.mark.seeds
def test_city_report_has_four_tasks_for_july_and_skips_the_lead_in_line() -> None:
    tasks = seed_tasks("000")
    assert [t.number for t in tasks] == ["1", "2", "3", "4"]
    assert {t.period for t in tasks} == {"2025-07"}
    assert all(not t.text.startswith("Để tổ chức triển khai") for t in tasks)
    assert "UBND các phường" in tasks[2].units


@pytest.mark.seeds
def test_work_programme_tasks_by_sector_get_heading_number_and_letter() -> None:
    tasks = [t for t in seed_tasks("002") if t.kind == "task"]
    numbers = [t.number for t in tasks]
    assert numbers[:5] == ["1.a", "1.b", "1.c", "1.d", "1.đ"]
    assert "2.1.a" in numbers and "2.2.b" in numbers and numbers[-1] == "8.b"
    assert len(tasks) == 30
    assert {t.period for t in tasks} == {"2025-05"}  # a programme's tasks are for its own period
    assert not any(t.number_printed for t in tasks)
    sectors = {t.number: t.sector for t in tasks}
    assert sectors["1.a"] == "budget"
    assert sectors["2.2.a"] == "investment"
    assert sectors["4.a"] == "education"
    assert sectors["8.b"] == "ethnic_religion"
    assert not any("thông báo Chương trình công tác" in t.text for t in tasks)  # the closing line


@pytest.mark.seeds
def test_work_programme_meeting_schedule_has_six_items_with_dates() -> None:
    meetings = [t for t in seed_tasks("002") if t.kind == "meeting"]
    assert [m.number for m in meetings] == ["1", "2", "3", "4", "5", "6"]
    first = meetings[0]
    assert [m.kind for m in first.meetings] == ["Họp UBND tỉnh thường kỳ", "Họp Chủ tịch, các Phó Chủ tịch UBND tỉnh"]
    assert first.meetings[0].dates == ("2025-05-16", "2025-05-30")
    assert first.meetings[0].date_text == "16/5/2025 và 30/5/2025"
    assert first.meetings[1].dates == ("2025-05-09", "2025-05-23")
    assert meetings[1].meetings[0].recurrence == "thứ Hai hàng tuần"
    assert meetings[2].meetings[0].note == "Theo Chương trình công tác của Thành ủy."
    assert meetings[3].meetings[0].recurrence == "buổi sáng thứ Sáu hàng tuần"
    assert meetings[4].meetings[0].dates == ("2025-05-14",)
    assert meetings[5].meetings[0].kind == "Họp UBND thành phố thường kỳ"
    assert meetings[5].meetings[0].dates == ("2025-05-16",)
    assert len({m.key for m in meetings} | {t.key for t in seed_tasks("002") if t.kind == "task"}) == 36


@pytest.mark.seeds
def test_ward_six_month_report_plans_the_second_half_by_sector() -> None:
    tasks = seed_tasks("001")
    assert {t.period for t in tasks} == {"2025-H2"}
    numbers = [t.number for t in tasks]
    assert numbers[:3] == ["1.a", "1.b", "1.c"] and "4.1.a" in numbers and "4.2.b" in numbers
    assert numbers[-1] == "5.c"
    sectors = {t.number: t.sector for t in tasks}
    assert sectors["1.b"] == "agriculture"
    assert sectors["1.c"] == "budget"
    assert sectors["3.b"] == "education"
    assert sectors["4.1.a"] == "security_defence"
    assert not any(t.text.startswith("Trên đây là") for t in tasks)
    # "6. Thực hiện các nhiệm vụ trọng tâm" reports results: it is not a plan
    assert all(t.paragraph not in ("p39",) for t in tasks)


SYNTHETIC = """
BÁO CÁO
Tình hình kinh tế - xã hội tháng 3 năm 2026
I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
UBND xã ban hành 40 văn bản chỉ đạo.
II. NHIỆM VỤ TRỌNG TÂM
Trong tháng tới, UBND xã tập trung thực hiện các nhiệm vụ sau:
1. Lĩnh vực kinh tế
Giao Phòng Kinh tế chủ trì, phối hợp với Chi cục Thuế khu vực đôn đốc thu nợ thuế đọng.
Chỉ đạo UBND các thôn ra quân làm đường giao thông nông thôn.
2. Lĩnh vực văn hóa - xã hội
Tổ chức Giải bóng chuyền hơi các khu dân cư năm 2026.
Trên đây là báo cáo tình hình kinh tế - xã hội tháng 3 năm 2026./.
"""


def test_tasks_without_period_in_the_title_are_for_the_next_period() -> None:
    tasks = extract_tasks(parse_text(SYNTHETIC))
    assert [t.number for t in tasks] == ["1.a", "1.b", "2.a"]
    assert {t.period for t in tasks} == {"2026-04"}
    assert tasks[0].units == ("Phòng Kinh tế",)
    assert tasks[0].sector == "budget"
    assert tasks[2].sector == "culture"
    assert tasks[2].heading == "Lĩnh vực văn hóa - xã hội"


def test_short_task_read_as_a_heading_keeps_its_dash_items_and_printed_number() -> None:
    doc = parse_text("""
BÁO CÁO
Kết quả thực hiện nhiệm vụ quý I năm 2026
I. KẾT QUẢ
Thu ngân sách đạt 25% dự toán.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026
1. Đẩy nhanh giải ngân vốn đầu tư công:
- Dự án đường trục xã;
- Dự án trường mầm non.
2. Tổ chức khai giảng lớp học xóa mù chữ.
""")
    tasks = extract_tasks(doc)
    assert [t.number for t in tasks] == ["1", "2"]
    assert {t.period for t in tasks} == {"2026-Q2"}
    assert tasks[0].text.startswith("Đẩy nhanh giải ngân vốn đầu tư công: Dự án đường trục xã;")
    assert tasks[0].text.endswith("Dự án trường mầm non.")
    assert tasks[1].text == "Tổ chức khai giảng lớp học xóa mù chữ."


def test_report_without_task_part_has_no_tasks() -> None:
    doc = parse_text("""
BÁO CÁO
Tình hình kinh tế - xã hội tháng 3 năm 2026
I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
UBND xã ban hành 40 văn bản chỉ đạo.
II. KẾT QUẢ ĐẠT ĐƯỢC
Thu ngân sách đạt 25% dự toán.
""")
    assert extract_tasks(doc) == []


def test_task_key_is_period_kind_and_number() -> None:
    task = extract_tasks(parse_text(SYNTHETIC))[0]
    assert task.key == "2026-04:task:1.a"
    assert task.to_dict()["key"] == task.key


def test_tasks_of_a_text_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "bc.txt"
    path.write_text(text_layer(SYNTHETIC), encoding="utf-8")
    assert len(extract_tasks(analyze(path, Config()).document)) == 3
