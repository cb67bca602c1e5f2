"""Status cues: which words of a report sentence say done or still under way."""

from __future__ import annotations

import pytest

from baocao.tasks.cues import decide, find_cues, has_quantity


@pytest.mark.parametrize(
    ("sentence", "status", "cue"),
    [
        ("Đã hoàn thành xóa 12 nhà tạm, nhà dột nát cho hộ nghèo.", "done", "Đã hoàn thành"),
        ("Việc chi trả tiền bồi thường chưa hoàn thành, còn 07 hộ.", "in_progress", "chưa hoàn thành"),
        ("Thu ngân sách ước đạt 1.809,6 triệu đồng, đạt 58,2% dự toán.", "in_progress", "đạt 58,2% dự toán"),
        ("Giải ngân vốn đầu tư công đạt 104,5% kế hoạch.", "done", "đạt 104,5% kế hoạch"),
        ("Các trường đang sửa chữa phòng học, chuẩn bị khai giảng năm học mới.", "in_progress", "đang"),
        ("Tổ chức thành công Đại hội Thi đua yêu nước lần thứ VI.", "done", "Tổ chức thành công"),
        ("Dự án đang lựa chọn nhà thầu, dự kiến khởi công trong tháng tới.", "in_progress", "đang"),
    ],
)
def test_cue_decides_the_status(sentence: str, status: str, cue: str) -> None:
    got, phrase, strength = decide(sentence, frozenset())
    assert (got, phrase) == (status, cue)
    assert 0 < strength <= 1


def test_comparison_with_last_year_is_not_progress() -> None:
    assert find_cues("Sản lượng bằng 98,5% so với cùng kỳ.") == []


def test_registration_and_pagodas_are_not_cues() -> None:
    # folded, "đăng ký" would read "dang" (under way) and "chùa" "chua" (not yet)
    assert find_cues("Đăng ký mới 12 doanh nghiệp; trùng tu chùa Tam Thanh.") == []


def test_clause_holding_the_task_words_decides() -> None:
    sentence = "Đã khởi công 05 nhà, số còn lại đang thi công phần móng nhà văn hóa."
    assert decide(sentence, frozenset({"khoi", "cong"}))[0] == "done"
    assert decide(sentence, frozenset({"van", "hoa", "mong"}))[0] == "in_progress"


def test_results_with_figures_read_as_done_and_bare_mentions_as_under_way() -> None:
    assert decide("Trong tháng cấp 33 giấy chứng nhận quyền sử dụng đất.", frozenset())[0] == "done"
    assert decide("Công tác quản lý đất đai được quan tâm.", frozenset())[0] == "in_progress"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Cấp 33 GCNQSD đất lần đầu", True),
        ("đã tiếp được 41 lượt/60 công dân", True),
        ("Chỉ đạo tổ chức kỳ thi tuyển sinh lớp 10 năm học 2025-2026.", False),
        ("Hưởng ứng ngày Môi trường thế giới 5/6.", False),
        ("Triển khai Nghị quyết số 57-NQ/TW.", False),
        ("Xây dựng chính quyền địa phương 02 cấp.", False),
    ],
)
def test_quantities_are_not_dates_years_or_identifiers(sentence: str, expected: bool) -> None:
    assert has_quantity(sentence) is expected
