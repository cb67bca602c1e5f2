"""The annex tables of a draft (biểu số liệu kèm theo): indicator × unit × period from the store.

Rows are the units directly under the drafting unit in force at the period's end (a province:
its communes; a district before 2025: its communes), or the unit itself when it has none.
Columns: this period, the previous one, the same period last year — following lineage, so a
ward merged in 2025 shows the sum of its predecessors a year earlier — and the comparisons as
formulas; the total row follows the indicator's aggregation rule (`xlsx_writer`).
"""

from __future__ import annotations

from baocao.draft.xlsx_writer import AnnexRow, AnnexTable
from baocao.web.drafting.figures import PERIOD, Periods, children_in_force
from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import Indicator
from baocao.web.indicators.queries import Lineages, Resolver, fetch
from baocao.web.indicators.rollup import rollup
from baocao.web.periods.models import Period
from baocao.web.periods.services import core_period, label_of
from baocao.web.units.models import Unit

PREVIOUS_HEADERS = {"month": "So với tháng trước (%)", "quarter": "So với quý trước (%)"}


def _label(period: Period | None, code: str) -> str:
    return period.label if period is not None else label_of(core_period(code))


def column_labels(periods: Periods) -> tuple[str, str, str]:
    from baocao.text.periods import previous_period
    from baocao.web.periods.services import as_core

    current = periods.current
    prev_code = previous_period(as_core(current)).code
    last_code = current.code.replace(str(current.year), str(current.year - 1), 1)
    return current.label, _label(periods.previous, prev_code), _label(periods.last_year, last_code)


def decimals_of(ind: Indicator) -> int:
    if ind.dimension == "count":
        return 0
    return 2 if ind.dimension == "percent" else 1


def annex_tables(unit: Unit, periods: Periods, indicators: list[Indicator]) -> list[AnnexTable]:
    """One table per indicator with a value this period among the rows."""
    rows_units = children_in_force(unit, periods.current) or [unit]
    lin = Lineages(rows_units)
    for u in rows_units:
        lin.units[u.pk] = u
    comps: dict[str, Indicator] = {i.code: i for i in indicators}
    extra = {c for i in indicators for c in (i.ratio_numerator, i.ratio_denominator) if c and c not in comps}
    comps.update({i.code: i for i in Indicator.objects.filter(code__in=extra)})
    values = fetch(lin.units, [i.pk for i in comps.values()], [p.pk for p in periods.all], PERIOD)
    labels = column_labels(periods)
    compare = ((0, 1, PREVIOUS_HEADERS.get(periods.current.kind, "So với kỳ trước (%)")),
               (0, 2, "So với cùng kỳ (%)"))
    tables: list[AnnexTable] = []
    for ind in indicators:
        resolver = Resolver(ind, comps, values, lin)
        rows: list[AnnexRow] = []
        for u in rows_units:
            cells: list[float | None] = []
            for p in (periods.current, periods.previous, periods.last_year):
                value = resolver.get(u.pk, p).value if p is not None else None
                if value is None and p is not None and u is not unit and u.children.exists():
                    value = rollup(ind, u, p, PERIOD).value  # a district without its own figure
                cells.append(to_display(value, ind.display_unit))
            rows.append(AnnexRow(u.full_name, tuple(cells)))
        if all(r.values[0] is None for r in rows):
            continue
        tables.append(AnnexTable(ind.name, ind.display_unit, labels, tuple(rows), ind.aggregate_units,
                                 decimals_of(ind), compare if ind.dimension != "percent" else (), ind.code))
    return tables
