"""Queries on indicator values: time series, rankings, children — following lineage.

Values are fetched in bulk (one query per question) and combined in memory. A unit's value
for a period before the unit existed comes from the units it was formed from, each weighted
by its share (Σ share × value; for ratio indicators Σ share × numerator / Σ share ×
denominator): a ward formed on 2025-07-01 has a "same period last year".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from baocao.web.accounts.access import filter_visible
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.periods.models import Period
from baocao.web.periods.services import core_period, data_window
from baocao.web.units.models import Lineage, Unit


@dataclass(frozen=True)
class Cell:
    value: float
    estimate: bool = False
    corrected: bool = False
    value_id: int | None = None


@dataclass(frozen=True)
class Point:
    """One value of a table, with where it comes from."""

    period: str
    value: float | None
    source: str  # reported | lineage | rollup | months | cumulative | missing
    complete: bool = True
    estimate: bool = False
    corrected: bool = False
    value_id: int | None = None
    unit: str = ""
    unit_name: str = ""
    parts: tuple[tuple[str, float, float | None], ...] = field(default=())  # (unit code, share, value)


Values = dict[tuple[int, int, int], Cell]  # (unit_id, indicator_id, period_id) → cell


def components(ind: Indicator) -> dict[str, Indicator]:
    """The indicators a value of `ind` is computed from: itself, plus numerator and denominator."""
    out = {ind.code: ind}
    if ind.is_ratio:
        out.update({i.code: i for i in Indicator.objects.filter(code__in=[ind.ratio_numerator, ind.ratio_denominator])})
    return out


def fetch(unit_ids: Iterable[int], indicator_ids: Iterable[int], period_ids: Iterable[int], scope: str) -> Values:
    rows = IndicatorValue.objects.filter(
        unit_id__in=list(unit_ids), indicator_id__in=list(indicator_ids), period_id__in=list(period_ids), scope=scope
    ).values_list("id", "unit_id", "indicator_id", "period_id", "value", "estimate", "corrected")
    return {(u, i, p): Cell(v, e, c, pk) for pk, u, i, p, v, e, c in rows}


def window_end(code: str) -> date:
    return data_window(core_period(code))[1]


def periods_between(kind: str, start: str | None, end: str | None) -> list[Period]:
    qs = Period.objects.filter(kind=kind)
    if start:
        qs = qs.filter(window_end__gte=window_end(start))
    if end:
        qs = qs.filter(window_end__lte=window_end(end))
    return list(qs.order_by("window_end"))


class Lineages:
    """The predecessor links reachable from some units, loaded once."""

    def __init__(self, roots: Iterable[Unit]) -> None:
        self.units: dict[int, Unit] = {u.pk: u for u in roots}
        self.links: dict[int, list[tuple[int, float]]] = {}
        frontier = list(self.units)
        while frontier:
            found = list(Lineage.objects.filter(unit_id__in=frontier).select_related("predecessor"))
            frontier = []
            for link in found:
                self.links.setdefault(link.unit_id, []).append((link.predecessor_id, link.share))
                if link.predecessor_id not in self.units:
                    self.units[link.predecessor_id] = link.predecessor
                    frontier.append(link.predecessor_id)

    def before(self, unit_id: int, period: Period) -> bool:
        unit = self.units[unit_id]
        return bool(self.links.get(unit_id)) and unit.valid_from is not None and period.window_end < unit.valid_from


class Resolver:
    """Values of units for an indicator, following lineage when a unit did not exist yet."""

    def __init__(self, ind: Indicator, comps: dict[str, Indicator], values: Values, lineages: Lineages) -> None:
        self.ind, self.comps, self.values, self.lin = ind, comps, values, lineages

    def get(self, unit_id: int, period: Period, ind: Indicator | None = None, depth: int = 0) -> Point:
        ind = ind or self.ind
        cell = self.values.get((unit_id, ind.pk, period.pk))
        code = self.lin.units[unit_id].code if unit_id in self.lin.units else ""
        if cell is not None:
            return Point(period.code, cell.value, "reported", True, cell.estimate, cell.corrected, cell.value_id, code)
        if depth > 6 or not self.lin.before(unit_id, period):
            return Point(period.code, None, "missing", False, unit=code)
        if ind.aggregate_units == "ratio" and ind.is_ratio:
            num = self.get(unit_id, period, self.comps.get(ind.ratio_numerator), depth) \
                if ind.ratio_numerator in self.comps else None
            den = self.get(unit_id, period, self.comps.get(ind.ratio_denominator), depth) \
                if ind.ratio_denominator in self.comps else None
            if num is None or den is None or num.value is None or not den.value:
                return Point(period.code, None, "missing", False, unit=code)
            return Point(period.code, num.value / den.value * 100, "lineage", num.complete and den.complete, unit=code)
        preds = self.lin.links[unit_id]
        parts = [(pid, share, self.get(pid, period, ind, depth + 1)) for pid, share in preds]
        known = [(share, p.value) for _, share, p in parts if p.value is not None]
        shown = tuple((self.lin.units[pid].code, share, p.value) for pid, share, p in parts)
        complete = all(p.complete for _, _, p in parts)
        if not known or ind.aggregate_units not in ("sum", "average"):
            return Point(period.code, None, "missing", False, unit=code, parts=shown)
        if ind.aggregate_units == "sum":
            total = sum(share * v for share, v in known)
        else:
            total = sum(share * v for share, v in known) / sum(share for share, _ in known)
        estimate = any(p.estimate for _, _, p in parts)
        return Point(period.code, total, "lineage", complete and len(known) == len(parts), estimate, unit=code,
                     parts=shown)


def series(ind: Indicator, unit: Unit, start: str | None = None, end: str | None = None, scope: str = "period",
           kind: str = "month", lineage: bool = True) -> list[Point]:
    """The unit's values period by period (periods of `kind` that hold any report)."""
    periods = periods_between(kind, start, end)
    lin = Lineages([unit]) if lineage else Lineages([])
    lin.units[unit.pk] = unit
    comps = components(ind)
    values = fetch(lin.units, [i.pk for i in comps.values()], [p.pk for p in periods], scope)
    resolver = Resolver(ind, comps, values, lin)
    return [resolver.get(unit.pk, p) for p in periods]


def value_at(ind: Indicator, unit: Unit, period: Period, scope: str = "period") -> Point:
    """One value following lineage (e.g. "same period last year" of a merged ward)."""
    lin = Lineages([unit])
    comps = components(ind)
    values = fetch(lin.units, [i.pk for i in comps.values()], [period.pk], scope)
    return Resolver(ind, comps, values, lin).get(unit.pk, period)


def same_period_last_year(ind: Indicator, unit: Unit, period: Period, scope: str = "period") -> Point | None:
    code = period.code.replace(str(period.year), str(period.year - 1), 1)
    previous = Period.objects.filter(code=code).first()
    return value_at(ind, unit, previous, scope) if previous else None


def ranking(ind: Indicator, period: Period, user: Any, scope: str = "period", parent: Unit | None = None,
            level: str | None = "commune") -> list[Point]:
    """Units' values for one period, largest first, among the units the user sees."""
    qs = IndicatorValue.objects.filter(indicator=ind, period=period, scope=scope)
    if parent is not None:
        qs = qs.filter(unit__path__startswith=parent.path).exclude(unit=parent)
    if level:
        qs = qs.filter(unit__level=level)
    rows = filter_visible(qs, user).order_by("-value", "unit__code").values_list(
        "pk", "value", "estimate", "corrected", "unit__code", "unit__kind", "unit__name")
    return [Point(period.code, value, "reported", True, estimate, corrected, pk, code, f"{kind} {name}")
            for pk, value, estimate, corrected, code, kind, name in rows]


def children_values(ind: Indicator, unit: Unit, period: Period, scope: str = "period") -> list[Point]:
    """The unit's direct subordinates in force at the period, each with its value (or rollup)."""
    from baocao.web.indicators.rollup import rollup

    day = period.window_end
    kids = [u for u in unit.children.order_by("code") if u.valid_on(day)]
    comps = components(ind)
    values = fetch([u.pk for u in kids], [i.pk for i in comps.values()], [period.pk], scope)
    with_kids = set(Unit.objects.filter(parent__in=kids).values_list("parent_id", flat=True))
    out = []
    for kid in kids:
        cell = values.get((kid.pk, ind.pk, period.pk))
        if cell is not None:
            out.append(Point(period.code, cell.value, "reported", True, cell.estimate, cell.corrected, cell.value_id,
                             kid.code, kid.full_name))
            continue
        r = rollup(ind, kid, period, scope) if kid.pk in with_kids else None
        out.append(Point(period.code, r.value if r else None, "rollup" if r and r.value is not None else "missing",
                         bool(r and r.complete), unit=kid.code, unit_name=kid.full_name))
    return out
