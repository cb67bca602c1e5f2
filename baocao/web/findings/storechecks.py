"""Checks only a store can make: a value far from the unit's own history or from its peers.

Both use the modified Z-score M = 0.6745 (x − median) / MAD (Iglewicz & Hoaglin), flagged
as a warning when |M| > BAOCAO_OUTLIER_THRESHOLD (3.5). When the MAD is 0 the mean
absolute deviation stands in (M = (x − median) / (1.253314 · meanAD)).

- history (`outlier_history`): a monthly value (scope "period") against the unit's previous
  36 months (following lineage, so a merged ward has a history), at least 8 of them. Flows
  are seasonal (budget revenue in December, tourism at Tết), so each month is first divided
  by its seasonal factor: the average, over the units of the same level in the province and
  the years with at least 9 months, of the month's value over that unit-year's mean. Stocks
  (households, pending dossiers) drift, so their month-over-month change is judged instead.
  Progress ratios (a flow against a yearly target) are left to the peer check.
- a flag also needs a material gap (`_material`): a statistically unusual 0.7 → 1 accident
  is not worth anyone's time.
- peers (`outlier_peers`): a value against the same indicator, period and scope of the other
  units under the same parent at the same level (at least 5), on a log scale except for percents
  (units differ in size by orders of magnitude; a log keeps the big ward from being an outlier).
"""

from __future__ import annotations

import math
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import connection

from baocao.web.findings.models import Finding
from baocao.web.indicators.display import format_value, vn_number
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.indicators.queries import Lineages, Resolver, components, fetch
from baocao.web.periods.models import Period
from baocao.web.units.models import Unit

_VALUE_FIELDS = ("id", "unit_id", "period_id", "indicator_id", "scope", "value", "source_version_id")
_FINDING_FIELDS = ("report", "version", "unit", "period", "source", "severity", "message", "expected", "actual",
                   "evidence", "rule")
HISTORY_MONTHS = 36
MIN_HISTORY = 8
MIN_PEERS = 5
PEER_FACTOR = 3.0  # peers differ in size: flag only beyond three times (or a third of) their median
CHUNK = 2000  # ids per query
SEASONAL_TTL = 600.0  # seconds a province's seasonal factors are reused by later uploads
_SEASONAL_CACHE: dict[tuple[str, str, int, date], tuple[float, list[float]]] = {}


def clear_seasonal_cache() -> None:
    """Forget cached seasonal factors (after data changed wholesale, and between tests)."""
    _SEASONAL_CACHE.clear()


def modified_z(x: float, sample: list[float]) -> float | None:
    if not sample:
        return None
    med = statistics.median(sample)
    mad = statistics.median(abs(s - med) for s in sample)
    if mad > 0:
        return 0.6745 * (x - med) / mad
    mean_ad = sum(abs(s - med) for s in sample) / len(sample)
    if mean_ad > 0:
        return (x - med) / (1.253314 * mean_ad)
    return None


@dataclass
class CheckSummary:
    checked: int = 0
    history_flags: int = 0
    peer_flags: int = 0


def _evidence(v: IndicatorValue) -> list[dict[str, object]]:
    f = v.source_fact
    if f is None:
        return []
    return [{"sentence": f.sentence, "paragraph": f.paragraph or None, "footnote": f.footnote, "start": f.start,
             "end": f.end, "raw": f.raw, "fact": f.fact_id}]


class StoreChecker:
    def __init__(self, threshold: float | None = None) -> None:
        self.threshold = threshold if threshold is not None else settings.BAOCAO_OUTLIER_THRESHOLD
        self.summary = CheckSummary()
        self._checked: set[tuple[int, str]] = set()
        self._progress = progress_ratios()
        self._flags: dict[tuple[int, str], tuple[IndicatorValue, str, float, str]] = {}
        self._indicators: dict[int, Indicator] = {}

    def _flag(self, v: IndicatorValue, code: str, message: str, expected: float, rule: str) -> None:
        self._flags[(v.pk, code)] = (v, message, expected, rule)
        if code == "outlier_history":
            self.summary.history_flags += 1
        else:
            self.summary.peer_flags += 1

    def _write(self) -> None:
        """Upsert the flagged findings; drop the open ones whose value is no longer unusual."""
        ids = {pk for pk, _ in self._checked}
        existing = {(f.value_id, f.code): f for f in
                    Finding.objects.filter(value_id__in=ids, code__in=("outlier_history", "outlier_peers"))}
        stale = [f.pk for key, f in existing.items() if key not in self._flags and f.state == "open"]
        Finding.objects.filter(pk__in=stale).delete()
        flagged = {v.pk for v, _, _, _ in self._flags.values()}
        sources = {v.pk: v for v in IndicatorValue.objects.filter(pk__in=flagged)
                   .select_related("source_fact", "source_version__report").defer("source_version__document")}
        new: list[Finding] = []
        changed: list[Finding] = []
        for (pk, code), (v, message, expected, rule) in self._flags.items():
            src = sources[pk]
            # what upsert_store_finding does for one value, for the whole batch at once
            fields = dict(report=src.source_version.report, version=src.source_version, unit_id=v.unit_id,
                          period_id=v.period_id, source="store", severity="warning", message=message,
                          expected=expected, actual=v.value, evidence=_evidence(src), rule=rule or code)
            found = existing.get((pk, code))
            if found is None:
                new.append(Finding(value_id=pk, code=code, **fields))
                continue
            for name, value in fields.items():
                setattr(found, name, value)
            changed.append(found)
        Finding.objects.bulk_create(new)
        Finding.objects.bulk_update(changed, _FINDING_FIELDS)

    def run(self, value_ids: Iterable[int]) -> CheckSummary:
        ids = list(value_ids)
        values: list[IndicatorValue] = []
        for i in range(0, len(ids), CHUNK):
            values += IndicatorValue.objects.filter(pk__in=ids[i:i + CHUNK]).only(*_VALUE_FIELDS)
        # a batch's values share few units, periods and indicators: one object each, not one per value
        units = Unit.objects.in_bulk({v.unit_id for v in values})
        periods = Period.objects.in_bulk({v.period_id for v in values})
        for v in values:
            v.unit, v.period, v.indicator = units[v.unit_id], periods[v.period_id], self._indicator(v.indicator_id)
        self.summary.checked += len(values)
        by_unit: dict[int, list[IndicatorValue]] = defaultdict(list)
        groups: dict[tuple[int | None, str, int, str], set[int]] = defaultdict(set)
        for v in values:
            if v.period.kind == "month" and v.scope == "period":
                by_unit[v.unit_id].append(v)
            if v.unit.parent_id is not None:
                groups[(v.unit.parent_id, v.unit.level, v.period_id, v.scope)].add(v.indicator_id)
        for unit_values in by_unit.values():
            self._history(unit_values)
        for key, indicator_ids in groups.items():
            self._peers(*key, indicator_ids)
        self._write()
        return self.summary

    # -- against the unit's own history ----------------------------------------------------
    def _history(self, values: list[IndicatorValue]) -> None:
        unit = values[0].unit
        latest = max(v.period.window_end for v in values)
        earliest = min(v.period.window_end for v in values)
        months = sorted(Period.objects.filter(kind="month", window_end__lte=latest,
                                              window_end__gte=earliest.replace(year=earliest.year - 3)),
                        key=lambda p: p.ordinal)
        lin = Lineages([unit])
        indicators = {v.indicator_id: v.indicator for v in values}
        comps = {}
        for ind in indicators.values():
            comps.update(components(ind))
        cells = fetch(lin.units, [i.pk for i in comps.values()], [p.pk for p in months], "period")
        factors = self._seasonal(unit, list(indicators), latest)
        series: dict[int, list[tuple[int, int, float]]] = {}
        for ind_id, ind in indicators.items():
            resolver = Resolver(ind, comps, cells, lin)
            points = ((p, resolver.get(unit.pk, p)) for p in months)
            series[ind_id] = [(p.ordinal, p.last_month, pt.value) for p, pt in points if pt.value is not None]
        for v in values:
            o = v.period.ordinal
            history = [h for h in series[v.indicator_id] if o - HISTORY_MONTHS <= h[0] < o]
            judged = self._judge_history(v, history, factors.get(v.indicator_id) or [1.0] * 12)
            self._checked.add((v.pk, "outlier_history"))
            if judged is None or v.source_version_id is None:
                continue
            z, expected = judged
            ind = v.indicator
            unit_text = ind.display_unit
            self._flag(
                v, "outlier_history",
                f"«{ind.name}» {v.period.label}: {format_value(v.value, unit_text)} khác thường so với các kỳ trước "
                f"của đơn vị (mức thường gặp khoảng {format_value(expected, unit_text, _decimals(ind, expected))}"
                f"{', đã tính mùa vụ' if ind.aggregate_time == 'sum' else ''}; điểm Z hiệu chỉnh {vn_number(z, 1)}).",
                expected, "modified_z_history")

    def _judge_history(self, v: IndicatorValue, history: list[tuple[int, int, float]],
                       factors: list[float]) -> tuple[float, float] | None:
        """(modified Z, expected value) when `v` is an outlier against its history, else None.

        Flows (aggregate_time "sum") are compared on deseasonalised levels; stocks ("last")
        on their month-over-month change, since a stock drifts; averages and ratios on levels.
        """
        ind = v.indicator
        if len(history) < MIN_HISTORY or ind.code in self._progress:
            return None
        x = v.value
        if ind.aggregate_time == "last":
            previous = {o: value for o, _, value in history}
            last = previous.get(v.period.ordinal - 1)
            changes = [value / previous[o - 1] for o, _, value in history if previous.get(o - 1, 0) > 0]
            if not last or last <= 0 or len(changes) < MIN_HISTORY - 1:
                return None
            z = modified_z(x / last, changes)
            expected = last * statistics.median(changes)
        else:
            f = factors if ind.aggregate_time == "sum" else [1.0] * 12
            adjusted = [value / f[m - 1] for _, m, value in history]
            season = f[v.period.last_month - 1]
            z = modified_z(x / season, adjusted)
            expected = statistics.median(adjusted) * season
        if z is None or abs(z) <= self.threshold or not _material(ind.dimension, x, expected):
            return None
        return z, expected

    def _seasonal(self, unit: Unit, indicator_ids: list[int], latest: date) -> dict[int, list[float]]:
        province = unit.province()
        root = province.path if province else unit.path
        now = time.monotonic()
        out: dict[int, list[float]] = {}
        todo = []
        for i in indicator_ids:
            hit = _SEASONAL_CACHE.get((root, unit.level, i, latest))
            if hit and now - hit[0] < SEASONAL_TTL:
                out[i] = hit[1]
            else:
                todo.append(i)
        if todo:
            for i, factors in seasonal_factors(root, unit.level, todo, latest).items():
                _SEASONAL_CACHE[(root, unit.level, i, latest)] = (now, factors)
                out[i] = factors
            for i in todo:
                out.setdefault(i, [1.0] * 12)
                _SEASONAL_CACHE.setdefault((root, unit.level, i, latest), (now, out[i]))
        return out

    # -- against the peers -------------------------------------------------------------------
    def _peers(self, parent_id: int | None, level: str, period_id: int, scope: str, indicator_ids: set[int]) -> None:
        # plain rows: a province's peers are thousands of values, and only a few get flagged
        rows = IndicatorValue.objects.filter(unit__parent_id=parent_id, unit__level=level, period_id=period_id,
                                             scope=scope, indicator_id__in=indicator_ids).values_list(
            "pk", "indicator_id", "value", "source_version_id")
        by_indicator: dict[int, list[tuple[int, int, float, int | None]]] = defaultdict(list)
        for r in rows:
            by_indicator[r[1]].append(r)
        flagged: list[tuple[int, int, float, float]] = []  # (value id, peers, median, z)
        for ind_id, group in by_indicator.items():
            self._checked.update((pk, "outlier_peers") for pk, _, _, _ in group)
            if len(group) < MIN_PEERS:
                continue
            ind = self._indicator(ind_id)

            def t(x: float, percent: bool = ind.dimension == "percent") -> float:
                return x if percent else math.log1p(max(x, 0.0))

            for pk, _, value, source in group:
                others = [t(o[2]) for o in group if o[0] != pk]
                z = modified_z(t(value), others)
                med = statistics.median(o[2] for o in group if o[0] != pk)
                if (z is None or abs(z) <= self.threshold or source is None
                        or not _material(ind.dimension, value, med, peers=True)):
                    continue
                flagged.append((pk, len(others), med, z))
        if not flagged:
            return
        instances = IndicatorValue.objects.select_related("indicator", "period").in_bulk([f[0] for f in flagged])
        for pk, peers, med, z in flagged:
            v = instances[pk]
            ind = v.indicator
            self._flag(
                v, "outlier_peers",
                f"«{ind.name}» {v.period.label}: {format_value(v.value, ind.display_unit)} khác thường so với "
                f"{peers} đơn vị cùng cấp (trung vị {format_value(med, ind.display_unit, _decimals(ind, med))}; "
                f"điểm Z hiệu chỉnh "
                f"{vn_number(z, 1)}).",
                med, "modified_z_peers")

    def _indicator(self, pk: int) -> Indicator:
        if not self._indicators:
            self._indicators.update((i.pk, i) for i in Indicator.objects.all())
        return self._indicators[pk]


def progress_ratios() -> set[str]:
    """Ratios of a flow to a yearly target (revenue against the estimate, disbursement against the
    plan): they grow month by month through the year, so their history says nothing; peers only."""
    from baocao.web.indicators.models import Indicator

    inds = {i.code: i for i in Indicator.objects.all()}
    return {code for code, i in inds.items() if i.is_ratio and i.ratio_numerator in inds
            and i.ratio_denominator in inds and inds[i.ratio_numerator].aggregate_time == "sum"
            and inds[i.ratio_denominator].aggregate_time == "last"}


def _material(dimension: str, x: float, expected: float, peers: bool = False) -> bool:
    """Whether the gap is worth a person's attention, beyond being statistically unusual.

    Percents: at least 10 points. Others: at least 30 % of the expected value (a factor of
    PEER_FACTOR among peers, who differ in size); counts also beyond Poisson noise (3·√expected).
    """
    gap = abs(x - expected)
    if dimension == "percent":
        return gap >= 10.0
    base = max(abs(expected), 1e-9)
    if peers:
        if x <= 0 or expected <= 0:
            return gap > 0 and max(x, expected) >= 10
        if abs(math.log(x / expected)) < math.log(PEER_FACTOR):
            return False
    elif gap < 0.3 * base:
        return False
    return not (dimension == "count" and gap < 3 * math.sqrt(max(abs(expected), 1.0)))


def _decimals(ind: object, value: float) -> int | None:
    return 0 if getattr(ind, "dimension", "") == "count" else None


def seasonal_factors(root_path: str, level: str, indicator_ids: list[int], latest: date) -> dict[int, list[float]]:
    """Per indicator, 12 factors: mean over unit-years (≥ 9 months) of month value / unit-year mean."""
    if not indicator_ids:
        return {}
    start = latest.replace(year=latest.year - 5)
    marks = ", ".join(["%s"] * len(indicator_ids))
    base = f"""
        FROM indicators_indicatorvalue v
        JOIN periods_period p ON p.id = v.period_id
        JOIN units_unit u ON u.id = v.unit_id
        WHERE p.kind = 'month' AND v.scope = 'period' AND v.indicator_id IN ({marks})
          AND u.path LIKE %s AND u.level = %s AND p.window_end >= %s AND p.window_end <= %s"""
    params = [*indicator_ids, root_path + "%", level, start, latest]
    sql = f"""
        WITH ym AS (
            SELECT v.unit_id, v.indicator_id, p.year, AVG(v.value) AS mean_value, COUNT(*) AS n {base}
            GROUP BY v.unit_id, v.indicator_id, p.year)
        SELECT v.indicator_id, p.last_month, AVG(v.value / ym.mean_value), COUNT(*)
        FROM indicators_indicatorvalue v
        JOIN periods_period p ON p.id = v.period_id
        JOIN ym ON ym.unit_id = v.unit_id AND ym.indicator_id = v.indicator_id AND ym.year = p.year
        WHERE p.kind = 'month' AND v.scope = 'period' AND ym.n >= 9 AND ym.mean_value > 0
          AND p.window_end >= %s AND p.window_end <= %s
        GROUP BY v.indicator_id, p.last_month"""
    with connection.cursor() as cur:
        cur.execute(sql, [*params, start, latest])
        rows = cur.fetchall()
    found: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for ind, month, avg, n in rows:
        found[ind][month] = (float(avg), int(n))
    out = {}
    for ind, months in found.items():
        if len(months) == 12 and all(n >= 2 and avg > 0 for avg, n in months.values()):
            out[ind] = [months[m][0] for m in range(1, 13)]
    return out
