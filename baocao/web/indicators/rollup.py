"""Rollups: over the unit hierarchy (`aggregate_units`) and over periods (`aggregate_time`).

Hierarchy: the units under a unit in force at the end of the period's data window are
combined by the indicator's rule — sum, average, max; a ratio indicator is the rollup of its
numerator over the rollup of its denominator (never an average of percents); "none" is not
combined. A subordinate unit counts with its own reported figure, or, when it has none, with
the rollup of the units under it. Units without a figure are listed as missing.

Periods: a quarter, half-year, nine months, year or months-to-date from the months it covers —
sum, last month, average, or ratio of summed components; a sum over months starting in
January falls back to the cumulative (lũy kế) figure of the last month when months are missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.text.periods import months_of
from baocao.web.indicators.models import Indicator
from baocao.web.indicators.queries import Lineages, Point, Resolver, Values, components, fetch
from baocao.web.periods.models import Period
from baocao.web.periods.services import as_core
from baocao.web.units.models import Unit

UNIT_RULES = ("sum", "average", "max")


@dataclass(frozen=True)
class Rollup:
    unit: str
    period: str
    indicator: str
    scope: str
    rule: str
    value: float | None
    reported: float | None  # the unit's own figure for the same key, to compare with
    complete: bool
    expected: int  # subordinate units (or months) that should contribute
    present: int
    missing: tuple[str, ...] = ()
    source: str = "rollup"
    parts: tuple[Point, ...] = field(default=())


def _combine(rule: str, values: list[float]) -> float | None:
    if not values:
        return None
    if rule == "sum":
        return sum(values)
    if rule == "average":
        return sum(values) / len(values)
    if rule == "max":
        return max(values)
    return None


class _Tree:
    def __init__(self, unit: Unit, period: Period) -> None:
        day = period.window_end
        self.units = {u.pk: u for u in Unit.objects.filter(path__startswith=unit.path) if u.valid_on(day)}
        self.units[unit.pk] = unit
        self.children: dict[int, list[int]] = {}
        for u in sorted(self.units.values(), key=lambda x: x.code):
            if u.parent_id in self.units and u.pk != unit.pk:
                self.children.setdefault(u.parent_id, []).append(u.pk)

    def aggregate(self, uid: int, ind: Indicator, values: Values, period: Period) -> tuple[float | None, int, int,
                                                                                             list[str], list[Point]]:
        """(value, expected, present, missing codes, parts) of the units directly under `uid`."""
        got: list[float] = []
        missing: list[str] = []
        parts: list[Point] = []
        kids = self.children.get(uid, [])
        for kid in kids:
            unit = self.units[kid]
            cell = values.get((kid, ind.pk, period.pk))
            if cell is not None:
                got.append(cell.value)
                parts.append(Point(period.code, cell.value, "reported", True, cell.estimate, cell.corrected,
                                   cell.value_id, unit.code, unit.full_name))
                continue
            if self.children.get(kid):
                value, _, _, miss, _ = self.aggregate(kid, ind, values, period)
                if value is not None:
                    got.append(value)
                    missing += miss
                    parts.append(Point(period.code, value, "rollup", not miss, unit=unit.code, unit_name=unit.full_name))
                    continue
            missing.append(unit.code)
            parts.append(Point(period.code, None, "missing", False, unit=unit.code, unit_name=unit.full_name))
        return _combine(ind.aggregate_units, got), len(kids), len(kids) - sum(
            1 for p in parts if p.source == "missing"), missing, parts


def rollup(ind: Indicator, unit: Unit, period: Period, scope: str = "period") -> Rollup:
    tree = _Tree(unit, period)
    comps = components(ind)
    values = fetch(tree.units, [i.pk for i in comps.values()], [period.pk], scope)
    own = values.get((unit.pk, ind.pk, period.pk))
    reported = own.value if own else None
    base = dict(unit=unit.code, period=period.code, indicator=ind.code, scope=scope, rule=ind.aggregate_units,
                reported=reported)
    if not tree.children.get(unit.pk):
        return Rollup(**base, value=reported, complete=own is not None, expected=1, present=int(own is not None),
                      source="reported" if own else "missing")
    if ind.aggregate_units == "ratio" and ind.is_ratio:
        num, den = comps.get(ind.ratio_numerator), comps.get(ind.ratio_denominator)
        if num is None or den is None:
            return Rollup(**base, value=None, complete=False, expected=0, present=0)
        nv, exp, pres, miss, parts = tree.aggregate(unit.pk, num, values, period)
        dv, _, _, dmiss, _ = tree.aggregate(unit.pk, den, values, period)
        value = nv / dv * 100 if nv is not None and dv else None
        missing = tuple(sorted(set(miss) | set(dmiss)))
        return Rollup(**base, value=value, complete=not missing, expected=exp, present=exp - len(missing),
                      missing=missing, parts=tuple(parts))
    if ind.aggregate_units not in UNIT_RULES:
        return Rollup(**base, value=None, complete=False, expected=0, present=0, source="not_aggregable")
    value, exp, pres, miss, parts = tree.aggregate(unit.pk, ind, values, period)
    return Rollup(**base, value=value, complete=not miss, expected=exp, present=pres, missing=tuple(miss),
                  parts=tuple(parts))


def over_time(ind: Indicator, unit: Unit, period: Period, lineage: bool = True) -> Rollup:
    """The unit's value for a multi-month period, from its monthly figures (following lineage)."""
    months = [f"{y}-{m:02d}" for y, m in months_of(as_core(period))]
    month_periods = {p.code: p for p in Period.objects.filter(code__in=months)}
    lin = Lineages([unit]) if lineage else Lineages([])
    lin.units[unit.pk] = unit
    comps = components(ind)
    ids = [i.pk for i in comps.values()]
    monthly = fetch(lin.units, ids, [p.pk for p in month_periods.values()] + [period.pk], "period")
    resolver = Resolver(ind, comps, monthly, lin)
    own = monthly.get((unit.pk, ind.pk, period.pk))
    base = dict(unit=unit.code, period=period.code, indicator=ind.code, scope="period", rule=ind.aggregate_time,
                reported=own.value if own else None)

    def points(target: Indicator) -> list[Point]:
        return [resolver.get(unit.pk, month_periods[c], target) if c in month_periods
                else Point(c, None, "missing", False) for c in months]

    rule = ind.aggregate_time
    if rule == "ratio" and ind.is_ratio and ind.ratio_numerator in comps and ind.ratio_denominator in comps:
        num, den = points(comps[ind.ratio_numerator]), points(comps[ind.ratio_denominator])
        nv = [p.value for p in num if p.value is not None]
        dv = [p.value for p in den if p.value is not None]
        missing = tuple(sorted({p.period for p in num + den if p.value is None}))
        value = sum(nv) / sum(dv) * 100 if nv and dv and sum(dv) else None
        return Rollup(**base, value=value, complete=not missing, expected=len(months),
                      present=len(months) - len(missing), missing=missing, source="months", parts=tuple(num))
    pts = points(ind)
    got = [p.value for p in pts if p.value is not None]
    missing = tuple(p.period for p in pts if p.value is None)
    if rule == "last":
        value = pts[-1].value
        complete = value is not None
    elif rule in ("sum", "average"):
        value = _combine(rule, got)
        complete = not missing
    else:
        value, complete = None, False
    result = Rollup(**base, value=value, complete=complete, expected=len(months), present=len(got),
                    missing=missing, source="months", parts=tuple(pts))
    if rule == "sum" and not complete and months[0].endswith("-01") and months[-1] in month_periods:
        cumulative = fetch(lin.units, ids, [month_periods[months[-1]].pk], "cumulative")
        point = Resolver(ind, comps, cumulative, lin).get(unit.pk, month_periods[months[-1]])
        if point.value is not None:
            return Rollup(**base, value=point.value, complete=point.complete, expected=len(months),
                          present=len(months), source="cumulative", parts=(point,))
    return result
