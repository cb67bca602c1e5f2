"""Rules across reports (`--previous`): cumulative figures continue, "so với tháng trước"
matches last month's figure, one indicator has one value per period."""

from __future__ import annotations

from collections.abc import Iterator

from baocao.check.common import Report, finding, half_unit, show, show_percent
from baocao.check.model import Finding
from baocao.extract.model import Fact
from baocao.text.periods import previous_period

_CUMULATIVE = ("cumulative", "year_to_date")


def _value(report: Report, indicator: str, scopes: tuple[str, ...]) -> Fact | None:
    for f in report.facts:
        if f.indicator == indicator and f.qualifiers.scope in scopes and f.role in (None, "numerator") and f.footnote is None:
            return f
    return None


def _previous_month(current: Report, previous: list[Report]) -> Report | None:
    period = current.document.meta.period
    if period is None or period.kind != "month":
        return None
    want = previous_period(period).code
    for p in previous:
        if p.document.meta.period is not None and p.document.meta.period.code == want:
            return p
    return None


def cumulative_continues(current: Report, previous: list[Report]) -> Iterator[Finding]:
    prev = _previous_month(current, previous)
    if prev is None or current.document.meta.period is None or current.document.meta.period.month == 1:
        return
    seen: set[str] = set()
    for cum in current.facts:
        if not cum.indicator or cum.indicator in seen or cum.qualifiers.scope not in _CUMULATIVE or cum.role not in (None, "numerator"):
            continue
        seen.add(cum.indicator)
        before = _value(prev, cum.indicator, _CUMULATIVE)
        if before is None:
            continue
        if cum.value + half_unit(cum) + half_unit(before) < before.value:
            yield finding(current, "cumulative_decreased", "error",
                          f"Số lũy kế {cum.raw} nhỏ hơn số lũy kế kỳ trước {before.raw}.", [cum, before],
                          "cumulative_continues")
            continue
        month = _value(current, cum.indicator, ("period",))
        if month is None:
            continue
        expected = before.value + month.value
        tolerance = half_unit(cum) + half_unit(before) + half_unit(month) + 1e-9
        if abs(expected - cum.value) > tolerance:
            yield finding(current, "cumulative_mismatch", "error",
                          f"Lũy kế kỳ trước {before.raw} cộng số trong kỳ {month.raw} bằng {show(expected, cum)}, "
                          f"khác số lũy kế {cum.raw}.", [cum, month, before], "cumulative_continues",
                          suggestion=f"Số lũy kế phải là {show(expected, cum)}.", expected=expected, actual=cum.value)


def previous_month_change(current: Report, previous: list[Report]) -> Iterator[Finding]:
    prev = _previous_month(current, previous)
    if prev is None:
        return
    for pct in current.facts:
        if pct.role != "percent_change":
            continue
        rel = next((r for r in pct.relations if r.kind == "change_of" and r.basis == "previous_period"), None)
        if rel is None or rel.target not in current.by_id:
            continue
        now = current.by_id[rel.target]
        if not now.indicator:
            continue
        before = _value(prev, now.indicator, (now.qualifiers.scope,))
        if before is None or before.value == 0:
            continue
        computed = abs(now.value - before.value) / before.value * 100
        if abs(computed - pct.value) > 0.5 * 10 ** (-pct.decimals) + 0.05:
            yield finding(current, "previous_period_mismatch", "error",
                          f"«{pct.raw} so với tháng trước» không khớp: kỳ trước báo cáo {before.raw}, kỳ này {now.raw} "
                          f"(thay đổi {show_percent(computed, max(1, pct.decimals))}).", [pct, now, before],
                          "previous_month_change", expected=computed, actual=pct.value)


def same_period_values(current: Report, previous: list[Report]) -> Iterator[Finding]:
    period = current.document.meta.period
    if period is None:
        return
    for other in previous:
        if other.document.meta.period is None or other.document.meta.period.code != period.code:
            continue
        for f in current.facts:
            if not f.indicator or f.role not in (None, "numerator"):
                continue
            g = _value(other, f.indicator, (f.qualifiers.scope,))
            if g is not None and abs(g.value - f.value) > half_unit(f) + half_unit(g) + 1e-9:
                yield finding(current, "conflicting_value", "warning",
                              f"Cùng chỉ tiêu, cùng kỳ nhưng hai báo cáo ghi khác nhau: {f.raw} và {g.raw}.", [f, g],
                              "same_period_values")
