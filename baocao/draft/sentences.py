"""The sentence forms of the reports, filled with numbers, and the marked places for narrative.

"Tổng thu ngân sách nhà nước trên địa bàn ước đạt 25.140,5 tỷ đồng, đạt 58,2% dự toán,
tăng 16,66% so với cùng kỳ; lũy kế 8 tháng đạt 120.500 tỷ đồng." — the forms the lead's
extractor reads back (`baocao.extract`), so a draft round-trips into the same figures.
"""

from __future__ import annotations

from baocao.draft.model import DraftParagraph, FigureLine, Run
from baocao.draft.numbers import format_percent, format_quantity
from baocao.parse.model import Period

PLACEHOLDER_PREFIX = "Nội dung do đơn vị bổ sung"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
EQUAL_TOLERANCE = 0.005  # percent: below this a change prints as "bằng …"


def placeholder(hint: str) -> Run:
    """A highlighted place for what people write: "[Nội dung do đơn vị bổ sung: …]"."""
    return Run(f"[{PLACEHOLDER_PREFIX}: {hint}]", italic=True, placeholder=True)


def period_label(period: Period) -> str:
    """"tháng 8 năm 2025", "quý III năm 2025", "6 tháng đầu năm 2025", "9 tháng năm 2025", "năm 2025"."""
    if period.kind == "month" and period.month:
        return f"tháng {period.month} năm {period.year}"
    if period.kind == "quarter" and period.quarter:
        return f"quý {ROMAN[period.quarter - 1]} năm {period.year}"
    if period.kind == "half_year":
        return f"6 tháng {'đầu' if period.half == 1 else 'cuối'} năm {period.year}"
    if period.kind == "nine_months":
        return f"9 tháng năm {period.year}"
    if period.kind == "months_to_date" and period.month:
        return f"{period.month} tháng năm {period.year}"
    return f"năm {period.year}"


def change_phrase(change: float, basis: str) -> str:
    """"tăng 16,66% so với cùng kỳ", "giảm 5,9% so với tháng trước", "bằng cùng kỳ"."""
    if abs(change) < EQUAL_TOLERANCE:
        return f"bằng {basis}"
    word = "tăng" if change > 0 else "giảm"
    return f"{word} {format_percent(abs(change))} so với {basis}"


def achievement_phrase(percent: float, basis: str) -> str:
    """"đạt 58,2% kế hoạch", "đạt 104,5% dự toán"."""
    return f"đạt {format_percent(percent)} {basis}"


def cumulative_phrase(value: float, unit: str, label: str, decimals: int | None = None, count: bool = False) -> str:
    """"lũy kế 8 tháng đạt 25.140,5 tỷ đồng"."""
    where = f"lũy kế {label}" if label else "lũy kế"
    return f"{where} đạt {format_quantity(value, unit, decimals, count)}"


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def figure_sentence(fig: FigureLine) -> DraftParagraph:
    """One figure in the report's words, with a placeholder when the value is missing."""
    name = _sentence_case(fig.name.strip())
    if fig.value is None:
        return DraftParagraph.of(f"{name}: ", placeholder("số liệu chưa có trong hệ thống"), ".")
    quantity = format_quantity(fig.value, fig.display_unit, fig.decimals, fig.count)
    if fig.count:
        head = f"{name}: {quantity}" + (" (ước)" if fig.estimate else "")
    else:
        head = f"{name} {'ước đạt' if fig.estimate else 'đạt'} {quantity}"
    clauses = [head]
    if fig.achievement is not None:
        clauses.append(achievement_phrase(fig.achievement, fig.basis))
    if fig.change_same_period is not None:
        clauses.append(change_phrase(fig.change_same_period, "cùng kỳ"))
    if fig.change_previous is not None:
        clauses.append(change_phrase(fig.change_previous, fig.previous_label))
    text = ", ".join(clauses)
    if fig.cumulative is not None:
        text += "; " + cumulative_phrase(fig.cumulative, fig.display_unit, fig.cumulative_label, fig.decimals,
                                         fig.count)
    runs: list[Run] = [Run(text)]
    if fig.missing_units:
        runs.append(Run(" "))
        runs.append(placeholder(f"chưa có số liệu của {', '.join(fig.missing_units)}"))
    runs.append(Run("."))
    return DraftParagraph(tuple(runs))


def unit_list_sentence(lead: str, units: list[str] | tuple[str, ...]) -> DraftParagraph:
    """"Các đơn vị chưa gửi báo cáo: xã A; xã B." (the list form of seed 000)."""
    return DraftParagraph.of(f"{lead}: {'; '.join(units)}.")
