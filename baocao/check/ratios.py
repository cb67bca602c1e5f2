"""Rules: percentages against the numbers they come from — a/b (c%), shares, percent changes."""

from __future__ import annotations

from collections.abc import Iterator

from baocao.check.common import Report, finding, half_unit, show, show_percent, truncates_to
from baocao.check.model import Finding
from baocao.extract.model import Fact
from baocao.text.normalize import fold


def _percent_finding(report: Report, pct: Fact, computed: float, facts: list[Fact], what: str, rule: str,
                     bound: float) -> Finding | None:
    """Compare a printed percent with the one computed from printed numbers.

    `bound` is how far the computed value can move because its inputs were rounded.
    """
    tolerance = 0.5 * 10 ** (-pct.decimals) + bound + 1e-9
    if abs(computed - pct.value) <= tolerance:
        return None
    right = show_percent(computed, max(1, pct.decimals))
    if truncates_to(computed, pct.value, pct.decimals):
        return finding(
            report, "percent_truncated", "warning",
            f"Tỷ lệ {pct.raw} là số cắt bớt chữ số của {what} = {right}; làm tròn đúng là "
            f"{show_percent(round(computed, pct.decimals), pct.decimals)}.",
            [pct, *facts], rule, suggestion=show_percent(round(computed, pct.decimals), pct.decimals),
            expected=computed, actual=pct.value,
        )
    return finding(
        report, "percent_mismatch", "error",
        f"Tỷ lệ {pct.raw} không khớp với {what} = {right}.",
        [pct, *facts], rule, suggestion=f"Tỷ lệ đúng là {show_percent(round(computed, pct.decimals), pct.decimals)}.",
        expected=computed, actual=pct.value,
    )


def _relative_bound(a: Fact, b: Fact, value: float) -> float:
    """How much a/b·100 can move when a and b are each off by half their last digit."""
    if b.value == 0:
        return 0.0
    return abs(value) * (half_unit(a) / max(abs(a.value), 1e-9) + half_unit(b) / abs(b.value))





def ratio_percent(report: Report) -> Iterator[Finding]:
    """ "1.809,6/4.930 triệu đồng (36,7%)", "261/596 = 43,79%": the percent is the ratio."""
    for pct in report.facts:
        for rel in pct.relations:
            if rel.kind != "ratio_of" or rel.target not in report.by_id or (rel.other or "") not in report.by_id:
                continue
            num, den = report.by_id[rel.target], report.by_id[rel.other or ""]
            if den.value == 0:
                continue
            computed = num.value / den.value * 100
            found = _percent_finding(report, pct, computed, [num, den], f"{num.raw}/{den.raw}", "ratio_percent",
                                     _relative_bound(num, den, computed))
            if found:
                yield found


def share_percent(report: Report) -> Iterator[Finding]:
    """ "trực tuyến 62.306 hồ sơ (chiếm 88,13%)": the share is the part over its whole."""
    for pct in report.facts:
        for rel in pct.relations:
            if rel.kind != "share_of" or rel.target not in report.by_id or not rel.other or rel.other not in report.by_id:
                continue
            part, whole = report.by_id[rel.target], report.by_id[rel.other]
            if whole.value == 0 or part.dimension != whole.dimension:
                continue
            computed = part.value / whole.value * 100
            found = _percent_finding(report, pct, computed, [part, whole], f"{part.raw}/{whole.raw}", "share_percent",
                                     _relative_bound(part, whole, computed))
            if found:
                yield found


def percent_change(report: Report) -> Iterator[Finding]:
    """ "giảm 32,60% so với cùng kỳ năm 2024 (589 người)": the change against the stated base."""
    for pct in report.facts:
        if pct.role != "percent_change":
            continue
        for rel in pct.relations:
            if rel.kind != "change_of" or not rel.other or rel.other not in report.by_id or rel.target not in report.by_id:
                continue
            now, base = report.by_id[rel.target], report.by_id[rel.other]
            if base.value == 0 or now.dimension != base.dimension:
                continue
            computed = abs(now.value - base.value) / base.value * 100
            direction_ok = (now.value < base.value) == (rel.direction == "down") or now.value == base.value
            found = _percent_finding(report, pct, computed, [now, base], f"({now.raw} so với {base.raw})",
                                     "percent_change", _relative_bound(now, base, computed))
            if not direction_ok:
                word = "giảm" if rel.direction == "down" else "tăng"
                yield finding(report, "change_direction", "error",
                              f"Báo cáo ghi «{word}» nhưng {now.raw} so với {base.raw} là "
                              f"{'giảm' if now.value < base.value else 'tăng'}.", [pct, now, base], "percent_change")
            elif found:
                yield found


def change_with_absolute(report: Report) -> Iterator[Finding]:
    """ "03 vụ (giảm 6 vụ, giảm 60% so với cùng kỳ)": the percent must match the absolute change."""
    facts = report.facts
    for i, pct in enumerate(facts):
        if pct.role != "percent_change" or any(r.other for r in pct.relations):
            continue
        direction = next((r.direction for r in pct.relations if r.kind == "change_of"), None)
        absolute = None
        for prev in reversed(facts[max(0, i - 4) : i]):
            if prev.sentence != pct.sentence or prev.footnote != pct.footnote or prev.paragraph != pct.paragraph:
                continue
            if prev.role == "change" and any(r.direction == direction for r in prev.relations):
                absolute = prev
                break
        if absolute is None:
            continue
        now = report.target(absolute, "change_of")
        if now is None or now.dimension != absolute.dimension:
            continue
        base = now.value + absolute.value if direction == "down" else now.value - absolute.value
        if base <= 0:
            continue
        computed = absolute.value / base * 100
        found = _percent_finding(report, pct, computed, [now, absolute],
                                 f"{'giảm' if direction == 'down' else 'tăng'} {absolute.raw} trên {show(base, now)}",
                                 "change_with_absolute", _relative_bound(absolute, now, computed))
        if found:
            yield found


def achievement_with_known_plan(report: Report) -> Iterator[Finding]:
    """ "cộng dồn 822.090/1.031.687 lượt …; ước 9 tháng 915.135 lượt - đạt 90,73% kế hoạch":
    when the plan figure was printed as the denominator of an earlier ratio of the same text,
    the achievement rate must be the value over that plan."""
    plans: list[Fact] = []
    for f in report.facts:
        if f.role == "denominator":
            pct = next((report.by_id.get(r.target) for r in f.relations if r.kind == "denominator_of"), None)
            after = fold(f.sentence[f.end - f.sentence_start : f.end - f.sentence_start + 40])
            if pct is not None and pct.dimension == "percent" and ("ke hoach" in after or "kh" in after.split()):
                plans.append(f)
            continue
        if f.role != "achievement" or f.dimension != "percent":
            continue
        rel = next((r for r in f.relations if r.kind == "achievement_of" and r.basis == "plan"), None)
        if rel is None or rel.target not in report.by_id:
            continue
        value = report.by_id[rel.target]
        plan = next((p for p in reversed(plans) if (p.paragraph, p.footnote) == (value.paragraph, value.footnote)
                     and p.dimension == value.dimension and p.unit.split()[0] == value.unit.split()[0]), None)
        if plan is None or plan.value == 0 or plan.start > value.start:
            continue
        computed = value.value / plan.value * 100
        found = _percent_finding(report, f, computed, [value, plan], f"{value.raw}/{plan.raw} (kế hoạch)",
                                 "achievement_with_known_plan", _relative_bound(value, plan, computed))
        if found:
            yield found
