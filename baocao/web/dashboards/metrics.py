"""Figures of the dashboards, fetched in bulk: many indicators of one unit over many periods.

The store's `queries.series` answers one indicator at a time; a dashboard shows twenty, so
this module fetches every value it needs in one query (following lineage like the store
does, with its `Resolver`) and computes the changes people read first: against the previous
period and against the same period last year (percent, or percentage points for rates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from baocao.web.indicators.models import Indicator
from baocao.web.indicators.queries import Lineages, Point, Resolver, fetch
from baocao.web.periods.models import Period
from baocao.web.units.models import Unit


@dataclass
class Kpi:
    indicator: Indicator
    latest: Point
    previous: Point | None
    last_year: Point | None
    change_previous: float | None
    change_year: float | None
    in_points: bool  # changes of a rate are in percentage points
    spark: list[float | None] = field(default_factory=list)
    spark_labels: list[str] = field(default_factory=list)

    @property
    def spark_points(self) -> int:
        return sum(1 for v in self.spark if v is not None)

    @property
    def display_value(self) -> float | None:
        from baocao.web.indicators.display import to_display

        return to_display(self.latest.value, self.indicator.display_unit)


def is_rate(ind: Indicator) -> bool:
    return ind.dimension == "percent" or ind.unit == "%"


def change(new: float | None, old: float | None, points: bool) -> float | None:
    if new is None or old is None:
        return None
    if points:
        return new - old
    if old == 0:
        return None
    return (new - old) / abs(old) * 100


def month_window(until: Period, months: int) -> list[Period]:
    """The stored monthly periods ending with `until`, at most `months` of them, oldest first."""
    qs = Period.objects.filter(kind="month", window_end__lte=until.window_end,
                               window_end__gt=_months_before(until, months))
    return list(qs.order_by("window_end"))


def _months_before(period: Period, months: int) -> Any:
    from datetime import date

    y, m = period.year, period.last_month - months
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 14)


def series_many(unit: Unit, indicators: list[Indicator], periods: list[Period],
                scope: str = "period") -> dict[int, list[Point]]:
    """For each indicator, the unit's point per period (lineage followed), in one value query."""
    lin = Lineages([unit])
    lin.units[unit.pk] = unit
    codes = {c for ind in indicators if ind.is_ratio for c in (ind.ratio_numerator, ind.ratio_denominator)}
    parts = {i.code: i for i in Indicator.objects.filter(code__in=codes)} if codes else {}
    comps_of = {}
    ids = set()
    for ind in indicators:
        comps = {ind.code: ind}
        if ind.is_ratio:
            comps.update({c: parts[c] for c in (ind.ratio_numerator, ind.ratio_denominator) if c in parts})
        comps_of[ind.pk] = comps
        ids.update(i.pk for i in comps.values())
    values = fetch(lin.units, ids, [p.pk for p in periods], scope)
    out = {}
    for ind in indicators:
        resolver = Resolver(ind, comps_of[ind.pk], values, lin)
        out[ind.pk] = [resolver.get(unit.pk, p) for p in periods]
    return out


def series_units(units: list[Unit], ind: Indicator, periods: list[Period], scope: str = "period") -> dict[int, list[Point]]:
    """For each unit, its point per period of one indicator (lineage followed), in one value query."""
    lin = Lineages(units)
    for u in units:
        lin.units[u.pk] = u
    comps = {ind.code: ind}
    if ind.is_ratio:
        comps.update({i.code: i for i in Indicator.objects.filter(code__in=[ind.ratio_numerator,
                                                                           ind.ratio_denominator])})
    values = fetch(lin.units, [i.pk for i in comps.values()], [p.pk for p in periods], scope)
    resolver = Resolver(ind, comps, values, lin)
    return {u.pk: [resolver.get(u.pk, p) for p in periods] for u in units}


def kpis(unit: Unit, indicators: list[Indicator], latest: Period, months: int = 25) -> list[Kpi]:
    """Key figures for `latest`, with changes and a sparkline of the last `months` months."""
    periods = month_window(latest, months)
    by_code = {p.code: i for i, p in enumerate(periods)}
    series = series_many(unit, indicators, periods)
    y, m = (latest.year - 1, 12) if latest.last_month == 1 else (latest.year, latest.last_month - 1)
    prev_code = f"{y}-{m:02d}"
    year_code = f"{latest.year - 1}-{latest.last_month:02d}"
    out = []
    for ind in indicators:
        points = series[ind.pk]
        now = points[-1] if points else None
        if now is None or now.value is None:
            continue
        previous = points[by_code[prev_code]] if prev_code in by_code else None
        last_year = points[by_code[year_code]] if year_code in by_code else None
        rate = is_rate(ind)
        out.append(Kpi(ind, now, previous, last_year,
                       change(now.value, previous.value if previous else None, rate),
                       change(now.value, last_year.value if last_year else None, rate), rate,
                       [p.value for p in points], [f"{p.last_month:02d}/{p.year}" for p in periods]))
    return out
