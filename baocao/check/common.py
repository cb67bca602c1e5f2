"""What every check rule shares: the report under check, tolerances, Vietnamese numbers, evidence."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from baocao.check.model import Evidence, Finding
from baocao.extract.model import Fact
from baocao.extract.numbers import format_number
from baocao.parse.model import Document


@dataclass
class Report:
    """One document under check, with lookups the rules need."""

    document: Document
    facts: tuple[Fact, ...]
    by_id: dict[str, Fact] = field(default_factory=dict)
    section_of: dict[str, str] = field(default_factory=dict)  # paragraph id → section id

    def __post_init__(self) -> None:
        self.by_id = {f.id: f for f in self.facts}
        for s in self.document.iter_sections():
            for p in s.paragraphs:
                self.section_of[p.id] = s.id

    def target(self, fact: Fact, kind: str) -> Fact | None:
        for rel in fact.relations:
            if rel.kind == kind and rel.target in self.by_id:
                return self.by_id[rel.target]
        return None


def half_unit(fact: Fact) -> float:
    """Half of the last printed digit, in base units: the rounding a printed figure allows.

    Whole numbers of the base unit ("74 đồng chí", "252.510.000 đồng") are exact counts, not
    rounded figures; "8.700 ha" or "3.005 tỷ đồng" are rounded to their last digit.
    """
    if fact.decimals == 0 and fact.scale == 1 and fact.dimension != "percent":
        return 0.0
    return float(0.5 * 10 ** (-fact.decimals) * fact.scale)


_SCALE_WORDS = {
    ("VND", 1.0): "đồng", ("VND", 1e3): "nghìn đồng", ("VND", 1e6): "triệu đồng", ("VND", 1e9): "tỷ đồng",
    ("USD", 1.0): "USD", ("USD", 1e6): "triệu USD", ("USD", 1e9): "tỷ USD",
    ("m2", 1.0): "m2", ("m2", 1e4): "ha", ("kg", 1.0): "kg", ("kg", 1e3): "tấn", ("kg", 1e6): "nghìn tấn",
    ("m3", 1.0): "m3", ("m3", 1e3): "nghìn m3", ("m", 1.0): "m", ("m", 1e3): "km",
    ("kWh", 1.0): "kWh", ("kWh", 1e6): "triệu kWh",
}


def printed_unit(fact: Fact) -> str:
    """The unit words as printed after the number ("triệu đồng", "hồ sơ", "%")."""
    m = re.match(r"[\d.,]+\s*(.*)$", fact.raw.strip())
    text = m.group(1).strip() if m else ""
    if text:
        return text
    if fact.dimension == "count":
        return fact.unit
    return _SCALE_WORDS.get((fact.unit, fact.scale), fact.unit)


def show(value: float, like: Fact, decimals: int | None = None) -> str:
    """A value written the way `like` is printed: same scale, same unit words, Vietnamese format."""
    d = like.decimals if decimals is None else decimals
    number = format_number(value / like.scale, d)
    unit = printed_unit(like)
    sep = "" if unit == "%" else " "
    return f"{number}{sep}{unit}".strip()


def show_percent(value: float, decimals: int) -> str:
    return f"{format_number(value, decimals)}%"


def evidence(fact: Fact) -> Evidence:
    return Evidence(
        sentence=fact.sentence,
        paragraph=fact.paragraph,
        footnote=fact.footnote,
        start=fact.start,
        end=fact.end,
        fact=fact.id,
        raw=fact.raw,
    )


def finding(report: Report, code: str, severity: str, message: str, facts: list[Fact], rule: str,
            suggestion: str | None = None, expected: float | None = None, actual: float | None = None) -> Finding:
    first = facts[0] if facts else None
    section = report.section_of.get(first.paragraph or "") if first else None
    return Finding(
        code=code,
        severity=severity,
        message=message,
        evidence=tuple(evidence(f) for f in facts),
        suggestion=suggestion,
        expected=expected,
        actual=actual,
        section=section,
        rule=rule,
    )


def truncates_to(value: float, printed: float, decimals: int) -> bool:
    """The author cut the digits instead of rounding (67/73 = 91,78% printed 91,7%)."""
    factor = 10**decimals
    return math.isclose(math.floor(value * factor + 1e-9) / factor, printed, abs_tol=1e-9)
