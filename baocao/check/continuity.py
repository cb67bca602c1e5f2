"""Rules across reports (`--previous`): cumulative figures continue, "so với tháng trước"
matches last month's figure, one indicator has one value per period."""

from __future__ import annotations

from collections.abc import Iterator

from baocao.check.common import Report, finding, half_unit, show, show_percent
from baocao.check.model import Finding
from baocao.check.ratios import change_bound
from baocao.extract.model import Fact
from baocao.text.periods import previous_period

_CUMULATIVE = ("cumulative", "year_to_date")


def _family(scopes: tuple[str, ...]) -> tuple[str, ...]:
    """ "lũy kế" and "8 tháng đầu năm" are the same figure for comparisons."""
    return _CUMULATIVE if any(s in _CUMULATIVE for s in scopes) else scopes


def _value(report: Report, indicator: str, scopes: tuple[str, ...]) -> Fact | None:
    """The one figure of an indicator in these scopes; None when there is none or several."""
    scopes = _family(scopes)
    found = [f for f in report.facts if f.indicator == indicator and f.qualifiers.scope in scopes
             and f.role in (None, "numerator")]
    return found[0] if len(found) == 1 else None


def _same_period_last_year(current: Report, previous: list[Report]) -> list[Report]:
    """Last year's reports of the same period: one, or one per predecessor of a merged unit."""
    period = current.document.meta.period
    if period is None:
        return []
    out = []
    for p in previous:
        other = p.document.meta.period
        if other is not None and other.kind == period.kind and other.year == period.year - 1 and (
            other.month, other.quarter, other.half) == (period.month, period.quarter, period.half):
            out.append(p)
    return out


def _summed(reports: list[Report], indicator: str, scopes: tuple[str, ...]) -> tuple[float, list[Fact]] | None:
    """The indicator's value summed over the reports (predecessors of a merged unit)."""
    facts = [_value(r, indicator, scopes) for r in reports]
    if not facts or any(f is None for f in facts):
        return None
    found = [f for f in facts if f is not None]
    if len({f.unit for f in found}) != 1:
        return None
    return sum(f.value for f in found), found


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
        if not cum.indicator or cum.indicator in seen or cum.qualifiers.scope not in _CUMULATIVE or cum.role not in (
            None, "numerator"):
            continue
        seen.add(cum.indicator)
        if _value(current, cum.indicator, _CUMULATIVE) is None:
            continue  # several cumulative figures of one indicator: cannot tell which continues which
        before = _value(prev, cum.indicator, _CUMULATIVE)
        if before is None:
            continue
        if cum.value + half_unit(cum) + half_unit(before) < before.value:
            yield finding(current, "cumulative_decreased", "error",
                          f"Số lũy kế {cum.raw} nhỏ hơn số lũy kế kỳ trước {before.raw}.", [cum, before],
                          "cumulative_continues")
            continue
        same_text = [f for f in current.facts if f.indicator == cum.indicator and f.qualifiers.scope == "period"
                     and (f.paragraph, f.footnote) == (cum.paragraph, cum.footnote) and f.end <= cum.start
                     and f.role in (None, "numerator")]
        in_sentence = [f for f in same_text if f.sentence_start == cum.sentence_start]
        month = in_sentence[-1] if in_sentence else (same_text[0] if len(same_text) == 1 else None)
        if month is None or month.unit != cum.unit:
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


def same_period_change(current: Report, previous: list[Report]) -> Iterator[Finding]:
    """ "tăng 16,66% so với cùng kỳ" against the figure of the same period last year's report."""
    last_year = _same_period_last_year(current, previous)
    if not last_year:
        return
    for pct in current.facts:
        rel = next((r for r in pct.relations if r.kind in ("change_of", "achievement_of")
                    and r.basis == "same_period_last_year"), None)
        if rel is None or rel.target not in current.by_id or pct.dimension != "percent":
            continue
        now = current.by_id[rel.target]
        if not now.indicator or _value(current, now.indicator, (now.qualifiers.scope,)) is None:
            continue
        summed = _summed(last_year, now.indicator, (now.qualifiers.scope,))
        if summed is None or summed[0] == 0 or summed[1][0].unit != now.unit:
            continue
        base, befores = summed
        shown = " + ".join(b.raw for b in befores)
        if pct.role == "percent_change":
            computed = abs(now.value - base) / base * 100
            what = f"{now.raw} so với {shown} cùng kỳ"
        else:
            computed = now.value / base * 100
            what = f"{now.raw}/{shown} cùng kỳ"
        bound = change_bound(now.value, half_unit(now), base, sum(half_unit(b) for b in befores))
        if len(befores) > 1:
            bound += 1.0  # a merged unit: its predecessors' boundaries need not add up exactly
        if abs(computed - pct.value) > 0.5 * 10 ** (-pct.decimals) + bound + 1e-9:
            yield finding(current, "same_period_mismatch", "error",
                          f"Tỷ lệ {pct.raw} so với cùng kỳ không khớp với báo cáo cùng kỳ năm trước: {what} = "
                          f"{show_percent(computed, max(1, pct.decimals))}.", [pct, now, *befores], "same_period_change",
                          expected=computed, actual=pct.value)


def implied_base(current: Report, previous: list[Report]) -> Iterator[Finding]:
    """ "lũy kế 1.154,9 triệu đồng, đạt 68,1% dự toán tỉnh giao": the estimate behind the rate
    (value ÷ rate) is the year's estimate, the same as in last month's report."""
    prev = _previous_month(current, previous)
    if prev is None:
        return
    for pct in current.facts:
        rel = next((r for r in pct.relations if r.kind == "achievement_of" and r.basis
                    and (r.basis.startswith("estimate") or r.basis in ("plan", "target")) and not r.other), None)
        if rel is None or rel.target not in current.by_id or pct.value == 0:
            continue
        now = current.by_id[rel.target]
        if not now.indicator:
            continue
        earlier = [p for p in prev.facts if p.role == "achievement" and any(
            r.kind == "achievement_of" and r.basis == rel.basis and prev.by_id.get(r.target) is not None
            and prev.by_id[r.target].indicator == now.indicator
            and _family((prev.by_id[r.target].qualifiers.scope,)) == _family((now.qualifiers.scope,))
            for r in p.relations)]
        if len(earlier) != 1 or earlier[0].value == 0:
            continue
        old_pct = earlier[0]
        old_value = prev.by_id[next(r.target for r in old_pct.relations if r.kind == "achievement_of")]
        base_now = now.value / pct.value * 100
        base_then = old_value.value / old_pct.value * 100
        rel_tol = (0.5 * 10 ** (-pct.decimals)) / pct.value + (0.5 * 10 ** (-old_pct.decimals)) / old_pct.value
        rel_tol += half_unit(now) / max(now.value, 1e-9) + half_unit(old_value) / max(old_value.value, 1e-9)
        if abs(base_now - base_then) > rel_tol * base_then:
            expected = now.value / base_then * 100
            yield finding(current, "rate_base_changed", "error",
                          f"Tỷ lệ {pct.raw} không nhất quán với kỳ trước: theo kỳ trước ({old_value.raw} đạt "
                          f"{old_pct.raw}) thì {now.raw} phải đạt khoảng {show_percent(expected, pct.decimals)}.",
                          [pct, now, old_pct, old_value], "implied_base", expected=expected, actual=pct.value,
                          suggestion=f"Kiểm tra lại tỷ lệ: khoảng {show_percent(expected, pct.decimals)}.")
