"""Rules: percentages against the numbers they come from — a/b (c%), shares, percent changes."""

from __future__ import annotations

import re
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


def change_bound(now: float, h_now: float, base: float, h_base: float) -> float:
    """How much a change (now - base)/base·100 can move when now and base are each rounded."""
    return 100 * (h_now + abs(now) * h_base / abs(base)) / abs(base)





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
                                     "percent_change", change_bound(now.value, half_unit(now), base.value,
                                                                    half_unit(base)))
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
                                 "change_with_absolute",
                                 change_bound(absolute.value, half_unit(absolute), base, half_unit(now) + half_unit(absolute)))
        if found:
            yield found


def achievement_with_base(report: Report) -> Iterator[Finding]:
    """ "đạt 63,8% dự toán tỉnh giao (8.220 triệu đồng)": the rate against the base printed beside it."""
    for pct in report.facts:
        for rel in pct.relations:
            if rel.kind != "achievement_of" or not rel.other or rel.target not in report.by_id:
                continue
            value, base = report.by_id[rel.target], report.by_id.get(rel.other)
            if base is None or base.value == 0:
                continue
            computed = value.value / base.value * 100
            found = _percent_finding(report, pct, computed, [value, base], f"{value.raw}/{base.raw}",
                                     "achievement_with_base", _relative_bound(value, base, computed))
            if found:
                yield found


def achievement_with_known_plan(report: Report) -> Iterator[Finding]:
    """A rate whose base was printed earlier in the same text as the denominator of a ratio:
    "cộng dồn 822.090/1.031.687 lượt …; ước 9 tháng 915.135 lượt - đạt 90,73% kế hoạch", or
    "giải ngân đạt 2.095,5/3.573,0 triệu đồng … Dự kiến đạt 2.263,2 triệu đồng, tỷ lệ giải ngân đạt 63,74%"."""
    denominators: list[tuple[Fact, Fact, Fact]] = []  # (denominator, numerator, percent)
    for f in report.facts:
        if f.role == "denominator":
            rel = next((r for r in f.relations if r.kind == "denominator_of"), None)
            pct = report.by_id.get(rel.target) if rel else None
            num = report.by_id.get(rel.other or "") if rel else None
            if pct is not None and num is not None and pct.dimension == "percent":
                after = fold(f.sentence[f.end - f.sentence_start : f.end - f.sentence_start + 40])
                plan_words = "ke hoach" in after or "kh" in after.split() or "du toan" in after
                if plan_words or (pct.indicator and pct.indicator == _rate_of(report, f)):
                    denominators.append((f, num, pct))
            continue
        if f.dimension != "percent" or f.role not in ("achievement", None) or any(r.other for r in f.relations):
            continue
        value = _rated_value(report, f)
        if value is None:
            continue
        same_text = [(d, n, p) for d, n, p in denominators if (d.paragraph, d.footnote) == (value.paragraph, value.footnote)
                     and d.start < value.start and d.dimension == value.dimension
                     and d.unit.split()[0] == value.unit.split()[0]]
        if f.role is None:  # "tỷ lệ giải ngân đạt x%": only when the earlier ratio is the same rate
            same_text = [(d, n, p) for d, n, p in same_text if p.indicator and p.indicator == f.indicator
                         and n.indicator == value.indicator]
        if not same_text:
            continue
        plan = same_text[-1][0]
        if plan.value == 0:
            continue
        computed = value.value / plan.value * 100
        found = _percent_finding(report, f, computed, [value, plan], f"{value.raw}/{plan.raw} (kế hoạch)",
                                 "achievement_with_known_plan", _relative_bound(value, plan, computed))
        if found:
            yield found


def _rate_of(report: Report, denominator: Fact) -> str | None:
    rel = next((r for r in denominator.relations if r.kind == "denominator_of"), None)
    pct = report.by_id.get(rel.target) if rel else None
    return pct.indicator if pct else None


def _rated_value(report: Report, pct: Fact) -> Fact | None:
    rel = next((r for r in pct.relations if r.kind == "achievement_of" and r.basis in ("plan", "estimate",
                                                                                         "estimate_province", "target")), None)
    if rel is not None:
        return report.by_id.get(rel.target)
    if pct.role is None:  # a rate printed after its value in the same sentence
        before = [f for f in report.facts if f.sentence_start == pct.sentence_start and f.paragraph == pct.paragraph
                  and f.footnote == pct.footnote and f.end <= pct.start and f.dimension != "percent"]
        return before[-1] if before else None
    return None


def partition_ratios(report: Report) -> Iterator[Finding]:
    """ "trước hạn 261/596 = 43,79%; đúng hạn 320/596 = 53,69%, quá hạn 15/596": ratios over one
    whole split by a partition (partitions.yaml) share their denominator, and when every part
    is printed the numerators add up to it."""
    from baocao.extract.lexicon import load_partitions

    groups = list(load_partitions(None))
    by_sentence: dict[tuple[str | None, int | None, int], list[tuple[str, Fact, Fact]]] = {}
    for num in report.facts:
        if num.role != "numerator":
            continue
        rel = next((r for r in num.relations if r.kind == "numerator_of"), None)
        den = report.by_id.get(rel.other or rel.target) if rel else None
        if den is None or den.role != "denominator":
            continue
        label = fold(num.sentence[max(0, num.start - num.sentence_start - 25) : num.start - num.sentence_start])
        by_sentence.setdefault((num.paragraph, num.footnote, num.sentence_start), []).append((label, num, den))
    for items in by_sentence.values():
        for group in groups:
            named: list[tuple[str, Fact, Fact]] = []
            for label, num, den in items:
                word = next((w for w in group if re.search(rf"{re.escape(w)}(?:\s+la)?\s*$", label)), None)
                if word and word not in [n for n, _, _ in named]:
                    named.append((word, num, den))
            if len(named) < 2:
                continue
            dens = {den.value for _, _, den in named}
            facts = [f for _, num, den in named for f in (num, den)]
            if len(dens) > 1:
                common = max(dens, key=lambda v: sum(1 for _, _, d in named if d.value == v))
                odd = [den for _, _, den in named if den.value != common]
                yield finding(report, "partition_denominator", "error",
                              f"Các tỷ lệ của cùng một tổng dùng mẫu số khác nhau: {', '.join(d.raw for d in odd)} "
                              f"thay vì {show(common, named[0][2])}.", facts, "partition_ratios",
                              suggestion=f"Mẫu số chung là {show(common, named[0][2])}.")
                continue
            if len(named) == len(group):
                total = sum(num.value for _, num, _ in named)
                den = named[0][2]
                if abs(total - den.value) > 1e-9 + half_unit(den) + sum(half_unit(n) for _, n, _ in named):
                    yield finding(report, "sum_mismatch", "error",
                                  f"Tổng các thành phần ({' + '.join(n.raw for _, n, _ in named)} = {show(total, den)}) "
                                  f"khác mẫu số chung {den.raw}.", facts, "partition_ratios",
                                  expected=total, actual=den.value)
