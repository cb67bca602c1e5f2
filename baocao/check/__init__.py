"""Stage 4 — check: every mistake a careful reader would mark, pointing at the exact words.

Adding a rule is adding one item to `RULES` (one report) or `CROSS_RULES` (with
earlier reports). Each rule is a small function yielding `Finding`s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from baocao.check import continuity, dates, official, ratios, structure, sums, wording
from baocao.check.common import Report
from baocao.check.model import Finding
from baocao.extract.model import Fact
from baocao.parse.model import Document

Rule = Callable[[Report], Iterator[Finding]]
CrossRule = Callable[[Report, list[Report]], Iterator[Finding]]

RULES: tuple[tuple[str, Rule], ...] = (
    ("part_whole", sums.part_whole),
    ("carried_over", sums.carried_over),
    ("shares_sum", sums.shares_sum),
    ("ratio_percent", ratios.ratio_percent),
    ("share_percent", ratios.share_percent),
    ("percent_change", ratios.percent_change),
    ("change_with_absolute", ratios.change_with_absolute),
    ("achievement_with_base", ratios.achievement_with_base),
    ("partition_ratios", ratios.partition_ratios),
    ("achievement_with_known_plan", ratios.achievement_with_known_plan),
    ("impossible_dates", dates.impossible_dates),
    ("as_of_outside_period", dates.as_of_outside_period),
    ("far_years", dates.far_years),
    ("two_as_of_dates", dates.two_as_of_dates),
    ("ranges_outside_window", dates.ranges_outside_window),
    ("school_years", dates.school_years),
    ("document_dates", dates.document_dates),
    ("heading_numbers", structure.heading_numbers),
    ("required_parts", structure.required_parts),
    ("number_symbol", official.number_symbol),
    ("date_line", official.date_line),
    ("signature", official.signature),
    ("doubled_words", wording.doubled_words),
    ("misspellings", wording.misspellings),
)

CROSS_RULES: tuple[tuple[str, CrossRule], ...] = (
    ("cumulative_continues", continuity.cumulative_continues),
    ("previous_month_change", continuity.previous_month_change),
    ("same_period_values", continuity.same_period_values),
    ("same_period_change", continuity.same_period_change),
    ("implied_base", continuity.implied_base),
)

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check(document: Document, facts: tuple[Fact, ...],
          previous: Iterable[tuple[Document, tuple[Fact, ...]]] = ()) -> tuple[Finding, ...]:
    report = Report(document, facts)
    found: list[Finding] = []
    for _name, rule in RULES:
        found.extend(rule(report))
    earlier = [Report(d, f) for d, f in previous]
    if earlier:
        for _name, cross in CROSS_RULES:
            found.extend(cross(report, earlier))
    order = {s.id: i for i, s in enumerate(document.iter_sections())}
    para_order = {p.id: i for i, p in enumerate(document.iter_paragraphs())}

    def key(f: Finding) -> tuple[int, int, int, int]:
        ev = f.evidence[0] if f.evidence else None
        if ev is None:
            return (order.get(f.section or "", -1), -1, -1, 0)
        note = -1 if ev.footnote is None else ev.footnote
        return (order.get(f.section or "", -1), para_order.get(ev.paragraph or "", -1), note, ev.start or 0)

    return tuple(sorted(_dedupe(found), key=key))


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        k = (f.code, f.message)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out
