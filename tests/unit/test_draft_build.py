"""Drafting from data: sections in the standard order, figures by sector, last period's tasks
with their status, unfinished tasks proposed again, late units named, narrative placeholders."""

from __future__ import annotations

import datetime as dt

from baocao.draft.build import DraftUnit, build_draft
from baocao.draft.demo import FIGURES, PERIOD, TASKS, UNIT, demo_draft
from baocao.draft.model import DraftSection
from baocao.parse.model import Period
from baocao.tasks.model import LateUnit


def headings(sections: tuple[DraftSection, ...]) -> list[str]:
    out: list[str] = []
    for s in sections:
        out.append(s.heading)
        out.extend(headings(s.children))
    return out


def test_standard_order_of_the_parts() -> None:
    draft = build_draft(UNIT, PERIOD, FIGURES, TASKS)
    assert [s.heading for s in draft.sections] == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. NHIỆM VỤ TRỌNG TÂM THÁNG 9 NĂM 2025",
    ]
    assert [s.heading for s in draft.sections[2].children] == ["1. Ưu điểm", "2. Hạn chế, khó khăn", "3. Nguyên nhân"]
    assert draft.title == "Tình hình kinh tế - xã hội tháng 8 năm 2025 và nhiệm vụ trọng tâm tháng 9 năm 2025"


def test_figures_go_to_their_sector_in_order() -> None:
    names = headings(build_draft(UNIT, PERIOD, FIGURES, TASKS).sections)
    economy = names.index("1. Lĩnh vực kinh tế")
    assert names[economy + 1 : economy + 4] == ["1.1. Nông, lâm nghiệp và xây dựng nông thôn mới",
                                                "1.2. Tài chính, ngân sách nhà nước",
                                                "1.3. Đầu tư công, xây dựng cơ bản"]
    results = build_draft(UNIT, PERIOD, FIGURES, TASKS).sections[1]
    budget = results.children[0].children[1]
    assert budget.paragraphs[0].text.startswith("Tổng thu ngân sách nhà nước trên địa bàn ước đạt 1.809,6 triệu đồng")
    assert budget.paragraphs[-1].has_placeholder


def test_sectors_without_figures_outside_the_core_are_left_out() -> None:
    names = headings(build_draft(UNIT, PERIOD, FIGURES, TASKS).sections)
    assert not any("Kinh tế cửa khẩu" in n for n in names)  # no figure, not every unit has a border gate
    assert any("Giáo dục và đào tạo" in n for n in names)  # core: a placeholder even without figures


def test_last_periods_tasks_with_status_and_unfinished_ones_proposed_again() -> None:
    draft = build_draft(UNIT, PERIOD, FIGURES, TASKS, next_tasks=("Tổ chức khai giảng năm học mới 2025 - 2026.",))
    results = draft.sections[1].children[-1]
    assert results.title == "Kết quả thực hiện nhiệm vụ trọng tâm tháng 8 năm 2025"
    lines = [p.text for p in results.paragraphs]
    assert lines[0].startswith("Trong tháng 8 năm 2025, đã hoàn thành 01/03 nhiệm vụ trọng tâm")
    assert "đã thực hiện" in lines[1] and "đang thực hiện" in lines[2] and "chưa có kết quả" in lines[3]
    plans = [p.text for p in draft.sections[3].paragraphs]
    assert plans[0] == "1. Tổ chức khai giảng năm học mới 2025 - 2026."
    assert plans[1].startswith("2. Tiếp tục đẩy nhanh tiến độ giải ngân vốn đầu tư công")
    # task 3 (khai giảng) is already in next month's plan: not proposed twice
    assert len([p for p in plans if "khai giảng" in p]) == 1
    assert draft.sections[3].paragraphs[-1].has_placeholder


def test_late_and_missing_units_are_named_in_the_limitations() -> None:
    late = (LateUnit("Văn phòng HĐND và UBND phường", "2025-08", "", "", "directive"),)
    draft = build_draft(UNIT, PERIOD, FIGURES, TASKS, late_units=late, missing_units=("khối 3", "khối 7"))
    limits = [p.text for p in draft.sections[2].children[1].paragraphs]
    assert "Các đơn vị còn có nội dung chưa tham mưu giải quyết: Văn phòng HĐND và UBND phường." in limits
    assert "Các đơn vị chưa gửi báo cáo: khối 3; khối 7." in limits


def test_header_fields_follow_the_unit() -> None:
    unit = DraftUnit("Lạng Sơn", "tỉnh", "province", signer_name="Nguyễn Văn A",
                     signer_lines=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"))
    draft = build_draft(unit, Period("month", 2025, month=12), (), (), issued_on=dt.date(2025, 12, 19))
    assert draft.issuer == ("ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN")
    assert draft.place == "Lạng Sơn" and draft.year == 2025
    assert draft.signature.lines[1] == "KT. CHỦ TỊCH" and draft.signature.name == "Nguyễn Văn A"
    assert draft.title.endswith("nhiệm vụ trọng tâm tháng 1 năm 2026")
    assert draft.recipients[-1].startswith("Lưu:")


def test_demo_is_marked_as_sample() -> None:
    draft = demo_draft()
    assert draft.sample
    assert "BẢN MẪU" in draft.intro[0].text and draft.intro[0].has_placeholder
