"""This period's figures of a unit, with their comparisons, from the store (→ `FigureLine`s).

Two sources of values behind one interface:
- `LeafSource`: the unit's own values, following lineage for periods before the unit existed
  (a ward merged in July 2025 compares with the sum of its predecessors a year earlier);
- `RollupSource`: a unit with subordinates (province, district before 2025) gets each
  indicator rolled up from the units under it by the indicator's aggregation rule
  (`indicators.rollup`), with the units that have no figure listed.

Comparisons: against the previous period and the same period last year (percent changes, not
for percentages — reports speak of those in points), and against the plan or estimate when the
catalogue pairs the indicator with one (the ratio indicators whose denominator is a plan,
estimate or target: "đạt 58,2% dự toán tỉnh giao").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from baocao.draft.model import FigureLine
from baocao.text.periods import previous_period
from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.indicators.queries import Lineages, Resolver, Values, fetch
from baocao.web.indicators.rollup import rollup
from baocao.web.periods.models import Period
from baocao.web.periods.services import as_core
from baocao.web.units.models import Unit

PERIOD = "period"
CUMULATIVE = ("cumulative", "year_to_date")  # "lũy kế", "từ đầu năm": both run from January
PLAN_SUFFIXES = ("estimate", "estimate_province", "plan", "target")
MIN_SHARE_REPORTING = 0.5  # a province figure is printed when at least half the units under it give it
ROLLUP_RULES = ("sum", "average", "max", "ratio")
PREVIOUS_LABELS = {"month": "tháng trước", "quarter": "quý trước"}


@dataclass(frozen=True)
class Got:
    """One value as a draft needs it."""

    value: float | None
    estimate: bool = False
    complete: bool = True
    missing: tuple[str, ...] = ()  # codes of units under the unit without a figure
    present: int = 1
    expected: int = 1


NOTHING = Got(None, complete=False, present=0)


@dataclass(frozen=True)
class Periods:
    current: Period
    previous: Period | None
    last_year: Period | None

    @property
    def all(self) -> list[Period]:
        return [p for p in (self.current, self.previous, self.last_year) if p is not None]


def periods_of(period: Period) -> Periods:
    prev_code = previous_period(as_core(period)).code
    last_code = period.code.replace(str(period.year), str(period.year - 1), 1)
    found = {p.code: p for p in Period.objects.filter(code__in=[prev_code, last_code])}
    return Periods(period, found.get(prev_code), found.get(last_code))


def plan_pairs(indicators: dict[str, Indicator]) -> dict[str, tuple[Indicator, Indicator]]:
    """indicator code → (its achievement-rate indicator, its plan/estimate/target indicator)."""
    out: dict[str, tuple[Indicator, Indicator]] = {}
    for ind in indicators.values():
        if not ind.is_ratio or ind.ratio_denominator not in indicators or ind.ratio_numerator not in indicators:
            continue
        if ind.ratio_denominator.rsplit(".", 1)[-1].startswith(PLAN_SUFFIXES):
            out[ind.ratio_numerator] = (ind, indicators[ind.ratio_denominator])
    return out


def basis_label(plan: Indicator) -> str:
    """How a report names the basis: "dự toán tỉnh giao", "dự toán", "chỉ tiêu", "kế hoạch"."""
    name = plan.name.lower()
    if "dự toán" in name:
        return "dự toán tỉnh giao" if "tỉnh giao" in name else "dự toán"
    if "chỉ tiêu" in name:
        return "chỉ tiêu"
    return "kế hoạch"


class LeafSource:
    """The unit's own values (following lineage), fetched once per scope."""

    def __init__(self, unit: Unit, indicators: dict[str, Indicator], periods: Periods) -> None:
        self.unit = unit
        self.indicators = indicators
        self.lin = Lineages([unit])
        self.lin.units[unit.pk] = unit
        ids = [i.pk for i in indicators.values()]
        period_ids = [p.pk for p in periods.all]
        self.values: dict[str, Values] = {scope: fetch(self.lin.units, ids, period_ids, scope)
                                          for scope in (PERIOD, *CUMULATIVE)}

    def get(self, ind: Indicator, period: Period | None, scope: str = PERIOD) -> Got:
        if period is None:
            return NOTHING
        comps = {c: self.indicators[c] for c in (ind.ratio_numerator, ind.ratio_denominator) if c in self.indicators}
        comps[ind.code] = ind
        point = Resolver(ind, comps, self.values[scope], self.lin).get(self.unit.pk, period)
        if point.value is None:
            return NOTHING
        return Got(point.value, point.estimate, point.complete)


class RollupSource:
    """Values rolled up from the units under `unit` (in force at each period's end)."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.cache: dict[tuple[int, int, str], Got] = {}

    def get(self, ind: Indicator, period: Period | None, scope: str = PERIOD) -> Got:
        if period is None or ind.aggregate_units not in ROLLUP_RULES:
            return NOTHING
        key = (ind.pk, period.pk, scope)
        if key not in self.cache:
            r = rollup(ind, self.unit, period, scope)
            if r.value is None:
                self.cache[key] = Got(None, complete=False, missing=r.missing, present=r.present,
                                      expected=r.expected)
            else:
                self.cache[key] = Got(r.value, any(p.estimate for p in r.parts), r.complete, r.missing, r.present,
                                      r.expected)
        return self.cache[key]


@dataclass
class Figures:
    """Figure lines of one unit and period, and what went into them (the annex and tests read it)."""

    lines: list[FigureLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    rolled_up: bool = False


def _change(now: Got, base: Got) -> float | None:
    """Percent change, only between complete figures (a partial rollup would compare unlike sets)."""
    if now.value is None or not now.complete or base.value is None or base.value <= 0 or not base.complete:
        return None
    return round((now.value / base.value - 1) * 100, 2)


def _cumulative_label(period: Period) -> str:
    return f"{period.last_month} tháng" if period.kind in ("month", "months_to_date") else ""


def _first(source: Any, ind: Indicator, period: Period, scopes: Iterable[str]) -> Got:
    for scope in scopes:
        got = source.get(ind, period, scope)
        if got.value is not None:
            return got
    return NOTHING


def figure_line(ind: Indicator, source: Any, periods: Periods, plans: dict[str, tuple[Indicator, Indicator]],
                names: dict[str, str]) -> FigureLine | None:
    period = periods.current
    now = source.get(ind, period)
    first_month = period.kind in ("month", "months_to_date") and period.last_month == 1
    cum = NOTHING if first_month else _first(source, ind, period, CUMULATIVE)
    if now.value is None and cum.value is None:
        return FigureLine(ind.name, ind.sector, None, ind.display_unit, count=ind.dimension == "count",
                          indicator=ind.code)
    percent = ind.dimension == "percent"
    plan_like = ind.code.rsplit(".", 1)[-1].startswith(PLAN_SUFFIXES)
    shown = now if now.value is not None else cum
    name = ind.name if now.value is not None else f"{ind.name} lũy kế {_cumulative_label(period)}".strip()
    achievement = basis = None
    if ind.code in plans:
        rate, plan = plans[ind.code]
        got = _first(source, rate, period, (PERIOD, *CUMULATIVE))
        if got.value is None:
            den = _first(source, plan, period, (PERIOD, *CUMULATIVE))
            num = cum if cum.value is not None else now
            if den.value and num.value is not None:
                got = Got(num.value / den.value * 100)
        if got.value is not None:
            achievement, basis = round(got.value, 2), basis_label(plan)
    missing = tuple(names.get(code, code) for code in shown.missing)
    unit = display_unit_for([shown.value], ind.display_unit)
    return FigureLine(
        name=name, sector=ind.sector, value=to_display(shown.value, unit), display_unit=unit,
        count=ind.dimension == "count" or plan_like, estimate=shown.estimate,
        cumulative=to_display(cum.value, unit) if now.value is not None and cum.value is not None else None,
        cumulative_label=_cumulative_label(period),
        change_previous=None if percent else _change(now, source.get(ind, periods.previous)),
        previous_label=PREVIOUS_LABELS.get(period.kind, "kỳ trước"),
        change_same_period=None if percent else _change(now, source.get(ind, periods.last_year)),
        achievement=achievement, basis=basis or "kế hoạch", indicator=ind.code,
        missing_units=_missing_phrase(missing),
    )


# A value below 1 in its indicator's display unit reads better, and keeps its digits, one step down:
# "22,5 triệu đồng" rather than "0,02 tỷ đồng" (at most two decimals are printed).
SMALLER = {"tỷ đồng": "triệu đồng", "triệu đồng": "nghìn đồng", "nghìn đồng": "đồng", "triệu USD": "nghìn USD",
           "nghìn USD": "USD", "nghìn tấn": "tấn", "tấn": "kg", "triệu kWh": "nghìn kWh", "nghìn kWh": "kWh",
           "triệu m3": "nghìn m3", "nghìn m3": "m3", "km": "m"}


def display_unit_for(values: Iterable[float | None], unit: str) -> str:
    """The display unit for these base-unit values: the indicator's, or a smaller one when they are below 1."""
    shown = [abs(v) for v in values if v]
    while shown and unit in SMALLER and all(to_display(v, unit) < 1 for v in shown):  # type: ignore[operator]
        unit = SMALLER[unit]
    return unit


def _missing_phrase(missing: tuple[str, ...]) -> tuple[str, ...]:
    if not missing:
        return ()
    if len(missing) > 6:
        return ("một số đơn vị (xem biểu số liệu kèm theo)",)
    return missing


def children_in_force(unit: Unit, period: Period) -> list[Unit]:
    return [u for u in unit.children.order_by("code") if u.valid_on(period.window_end)]


def _ordered(indicators: dict[str, Indicator], codes: Iterable[str]) -> list[Indicator]:
    wanted = set(codes)
    return sorted((i for c, i in indicators.items() if c in wanted and i.active), key=lambda i: i.pk)


def _folded(codes: set[str], plans: dict[str, tuple[Indicator, Indicator]]) -> set[str]:
    """Rates and plans printed inside their indicator's sentence ("đạt 58,2% dự toán")."""
    out: set[str] = set()
    for code, (rate, plan) in plans.items():
        if code in codes:
            out |= {rate.code, plan.code}
    return out


def leaf_figures(unit: Unit, periods: Periods, indicators: dict[str, Indicator]) -> Figures:
    """A unit reporting for itself: its own values this period, and those it gave last period but not now."""
    now = set(IndicatorValue.objects.filter(unit=unit, period=periods.current, scope__in=(PERIOD, *CUMULATIVE))
              .values_list("indicator__code", flat=True))
    before: set[str] = set()
    if periods.previous is not None:
        before = set(IndicatorValue.objects.filter(unit=unit, period=periods.previous, scope=PERIOD)
                     .values_list("indicator__code", flat=True))
    plans = plan_pairs(indicators)
    codes = (now | before) - _folded(now | before, plans)
    source = LeafSource(unit, indicators, periods)
    lines = [figure_line(ind, source, periods, plans, {}) for ind in _ordered(indicators, codes)]
    kept = [ln for ln in lines if ln is not None]
    return Figures(kept, _ordered(indicators, now), rolled_up=False)


def rollup_figures(unit: Unit, periods: Periods, indicators: dict[str, Indicator]) -> Figures:
    """A unit with subordinates: each indicator rolled up from them when at least half of them give
    it; indicators that do not add up ("none") from the unit's own report when it is stored."""
    period = periods.current
    kids = children_in_force(unit, period)
    below = IndicatorValue.objects.filter(unit__path__startswith=unit.path, period=period, scope=PERIOD).exclude(
        unit=unit)
    counts: dict[str, set[int]] = {}
    for code, uid in below.values_list("indicator__code", "unit_id"):
        counts.setdefault(code, set()).add(uid)
    own = set(IndicatorValue.objects.filter(unit=unit, period=period, scope__in=(PERIOD, *CUMULATIVE))
              .values_list("indicator__code", flat=True))
    names = {k.code: k.full_name for k in Unit.objects.filter(path__startswith=unit.path)}
    plans = plan_pairs(indicators)
    rolled_source = RollupSource(unit)
    own_source = LeafSource(unit, indicators, periods)
    rollable = {code for code in counts if code in indicators and indicators[code].aggregate_units in ROLLUP_RULES}
    enough = {code for code in rollable if len(counts[code]) >= max(1, MIN_SHARE_REPORTING * len(kids))}
    # the unit's own figures only where the rule adds nothing up ("none": documents of its own office);
    # its own totals next to the rolled-up ones would mix two sources in one report
    own = {code for code in own if code in indicators and indicators[code].aggregate_units not in ROLLUP_RULES}
    codes = (enough | own) - _folded(enough | own, plans)
    lines: list[FigureLine] = []
    for ind in _ordered(indicators, codes):
        source = rolled_source if ind.code in enough else own_source
        line = figure_line(ind, source, periods, plans, names)
        if line is not None and line.value is not None:
            lines.append(line)
    return Figures(lines, _ordered(indicators, enough | own), rolled_up=True)


def figures_for(unit: Unit, period: Period) -> Figures:
    periods = periods_of(period)
    indicators = {i.code: i for i in Indicator.objects.all()}
    if children_in_force(unit, period):
        return rollup_figures(unit, periods, indicators)
    return leaf_figures(unit, periods, indicators)
