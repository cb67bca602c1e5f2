"""Facts: every quantity of a report with its meaning and its source."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any

DIMENSIONS = (
    "money",
    "count",
    "percent",
    "area",
    "mass",
    "volume",
    "length",
    "energy",
    "duration",
    "other",
)

SCOPES = ("period", "cumulative", "year_to_date", "since")

BASES = (
    "same_period_last_year",
    "previous_period",
    "plan",
    "estimate_province",
    "estimate_local",
    "estimate_central",
    "estimate",
    "target",
    "other",
)


@dataclass(frozen=True)
class Qualifiers:
    scope: str = "period"
    since: str | None = None  # ISO date when scope == "since"
    estimate: bool = False
    as_of: str | None = None  # ISO date
    date_range: tuple[str, str] | None = None
    approx: str | None = None  # "hơn", "trên", "gần", "khoảng", "dưới"…


@dataclass(frozen=True)
class Relation:
    """A typed link from one fact to another, by id.

    kinds: part_of (this fact is a part of `target`), numerator_of / denominator_of
    (this fact is the numerator/denominator of the ratio whose percent fact is
    `target`, or of the paired fact when no percent is printed), ratio_of
    (percent fact `self` = numerator `target` / `other`), change_of (percent or
    absolute change of `target`, against `basis`), share_of (percent that
    `self` makes of `target`), carried_over_of / new_of (parts of a processed
    total), achievement_of (percent of plan/estimate `basis` reached by `target`).
    """

    kind: str
    target: str
    other: str | None = None
    basis: str | None = None
    direction: str | None = None  # "up", "down", "equal" for changes
    points: bool = False  # percentage points rather than percent


@dataclass(frozen=True)
class Fact:
    id: str
    value: float
    dimension: str
    unit: str
    raw: str
    sentence: str
    paragraph: str | None
    footnote: int | None
    start: int  # offset of `raw` in the paragraph (or footnote) text
    end: int
    subject: str = ""
    qualifiers: Qualifiers = Qualifiers()
    relations: tuple[Relation, ...] = ()
    indicator: str | None = None
    indicator_confidence: float = 0.0
    decimals: int = 0  # printed decimals, for rounding tolerance
    scale: float = 1.0  # base units per printed unit (1e6 for "triệu đồng", 10 000 for "ha")
    role: str | None = None  # "percent_change", "achievement", "share", "ratio_percent", …
    sentence_start: int = 0  # offset of `sentence` in the paragraph (or footnote) text

    @property
    def location(self) -> str:
        if self.footnote is not None:
            return f"footnote {self.footnote}"
        return self.paragraph or ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_FACT_FIELDS = frozenset(f.name for f in fields(Fact))
_FACT_DEFAULTS = {f.name: f.default for f in fields(Fact) if f.default is not MISSING}
_FACT_REQUIRED = _FACT_FIELDS - _FACT_DEFAULTS.keys()


def new_fact(**values: Any) -> Fact:
    """`Fact(**values)` without the frozen `__init__` (one per quantity of a report): the
    same value, faster. Fact's defaults are all immutable."""
    if values.keys() - _FACT_FIELDS or _FACT_REQUIRED - values.keys():
        raise TypeError(f"Fact fields: unknown {sorted(values.keys() - _FACT_FIELDS)}, "
                        f"missing {sorted(_FACT_REQUIRED - values.keys())}")
    new = object.__new__(Fact)
    vars(new).update(_FACT_DEFAULTS, **values)
    return new


def replace_fact(fact: Fact, **changes: Any) -> Fact:
    """`dataclasses.replace(fact, **changes)` without its per-call look at the fields and the
    frozen `__init__` (extraction copies every fact two or three times). Fact has no
    `__post_init__` and no `init=False` field, so copying its attributes gives the same."""
    unknown = changes.keys() - _FACT_FIELDS
    if unknown:
        raise TypeError(f"Fact has no field {sorted(unknown)}")
    new = object.__new__(Fact)
    vars(new).update(vars(fact), **changes)
    return new
