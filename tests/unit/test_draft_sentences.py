"""Sentence forms of the reports, filled with numbers, and the marked places for narrative."""

from __future__ import annotations

import pytest

from baocao.draft.model import FigureLine
from baocao.draft.sentences import change_phrase, figure_sentence, period_label, placeholder
from baocao.parse.model import Period


def test_money_figure_with_every_comparison() -> None:
    fig = FigureLine("Tổng thu ngân sách nhà nước trên địa bàn", "budget", 1809.6, "tỷ đồng", decimals=1,
                     estimate=True, achievement=58.2, basis="dự toán", change_same_period=16.66,
                     change_previous=-5.9, cumulative=25140.5, cumulative_label="8 tháng")
    assert figure_sentence(fig).text == (
        "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 1.809,6 tỷ đồng, đạt 58,2% dự toán, "
        "tăng 16,66% so với cùng kỳ, giảm 5,9% so với tháng trước; lũy kế 8 tháng đạt 25.140,5 tỷ đồng."
    )


def test_count_figure_takes_a_leading_zero_and_the_estimate_mark() -> None:
    fig = FigureLine("Dự án khởi công mới", "investment", 2, "dự án", count=True, estimate=True)
    assert figure_sentence(fig).text == "Dự án khởi công mới: 02 dự án (ước)."


def test_rate_figure() -> None:
    assert figure_sentence(FigureLine("Tỷ lệ hồ sơ giải quyết đúng hạn", "admin_reform", 99.53, "%")).text == (
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,53%."
    )


def test_missing_value_and_missing_units_are_placeholders() -> None:
    para = figure_sentence(FigureLine("Tỷ lệ tham gia bảo hiểm y tế", "health", None, "%"))
    assert para.has_placeholder
    assert "[Nội dung do đơn vị bổ sung: số liệu chưa có trong hệ thống]" in para.text
    fig = FigureLine("Hồ sơ tiếp nhận", "admin_reform", 1284, "hồ sơ", count=True, missing_units=("xã A", "xã B"))
    para = figure_sentence(fig)
    assert para.text.startswith("Hồ sơ tiếp nhận: 1.284 hồ sơ [Nội dung do đơn vị bổ sung: chưa có số liệu của xã A, xã B]")
    assert [r.placeholder for r in para.runs] == [False, False, True, False]


@pytest.mark.parametrize(
    ("change", "basis", "expected"),
    [(16.66, "cùng kỳ", "tăng 16,66% so với cùng kỳ"), (-5.9, "tháng trước", "giảm 5,9% so với tháng trước"),
     (0.001, "cùng kỳ", "bằng cùng kỳ")],
)
def test_change_phrases(change: float, basis: str, expected: str) -> None:
    assert change_phrase(change, basis) == expected


@pytest.mark.parametrize(
    ("period", "label"),
    [(Period("month", 2025, month=8), "tháng 8 năm 2025"), (Period("quarter", 2025, quarter=3), "quý III năm 2025"),
     (Period("half_year", 2025, half=1), "6 tháng đầu năm 2025"), (Period("nine_months", 2025), "9 tháng năm 2025"),
     (Period("year", 2025), "năm 2025")],
)
def test_period_labels(period: Period, label: str) -> None:
    assert period_label(period) == label


def test_placeholder_is_marked() -> None:
    run = placeholder("kết quả cụ thể")
    assert run.placeholder and run.italic
    assert run.text == "[Nội dung do đơn vị bổ sung: kết quả cụ thể]"
