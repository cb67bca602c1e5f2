"""The indicator explorer: one indicator, some units, a range of months → chart, table, CSV/XLSX."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from baocao.web.accounts import access
from baocao.web.dashboards.metrics import series_units
from baocao.web.dashboards.views import home_unit, month_label
from baocao.web.indicators import export
from baocao.web.indicators.display import to_display, vn_number
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.periods.models import Period
from baocao.web.ui.choices import (
    indicator_groups,
    indicator_options_html,
    month_periods,
    options_html,
    period_options,
    unit_label,
    visible_unit_options,
)
from baocao.web.ui.labels import SCOPE

MAX_UNITS = 12
DEFAULT_MONTHS = 24


def chosen_units(request: HttpRequest, user: Any) -> tuple[list[Any], bool]:
    ids = [int(x) for x in request.GET.getlist("unit") if x.isdigit()]
    if not ids:
        unit = home_unit(user)
        return ([unit] if unit else []), False
    units = list(access.visible_units(user).filter(pk__in=ids[:MAX_UNITS]))
    units.sort(key=lambda u: ids.index(u.pk))
    return units, len(ids) > MAX_UNITS


def chosen_indicator(request: HttpRequest, units: list[Any]) -> Indicator | None:
    code = request.GET.get("indicator", "")
    ind = Indicator.objects.filter(code=code).first() if code else None
    if ind is None and units:
        found = (IndicatorValue.objects.filter(unit__in=units, indicator__key=True, scope="period")
                 .order_by("indicator__sector", "indicator__code").values_list("indicator_id", flat=True).first())
        ind = Indicator.objects.filter(pk=found).first() if found else None
    return ind


def month_range(request: HttpRequest, months: list[Period]) -> list[Period]:
    """Months (oldest first) between `from` and `to`; by default the last DEFAULT_MONTHS."""
    if not months:
        return []
    by_code = {p.code: p for p in months}
    end = by_code.get(request.GET.get("to", ""), months[0])
    start = by_code.get(request.GET.get("from", ""))
    if start is None:
        older = [p for p in months if p.window_end <= end.window_end]
        start = older[min(DEFAULT_MONTHS, len(older)) - 1]
    if start.window_end > end.window_end:
        start, end = end, start
    return [p for p in reversed(months) if start.window_end <= p.window_end <= end.window_end]


def unit_boxes(options: list[Any], chosen: set[int], current: bool) -> SafeString:
    """The unit picker's checkboxes (today's units, or those reorganised away), built in one pass."""
    return mark_safe("".join(  # labels escaped here
        f'<label style="padding-left: {u.depth}em"><input type="checkbox" name="unit" value="{u.id}"'
        f'{" checked" if u.id in chosen else ""}> {escape(u.label)}</label>'
        for u in options if u.current == current))


def table_html(periods: list[Period], labels: dict[str, str], series: dict[int, list[Any]], units: list[Any],
               ind: Indicator) -> SafeString:
    """The table body, newest month first (built here: 120 months × 12 units is 1 440 cells)."""
    decimals = 0 if ind.dimension == "count" else None
    derived, estimate, corrected = _("cộng từ các đơn vị cũ"), _("số ước"), _("đã hiệu chỉnh")
    short = _("ước")
    rows = []
    for i in range(len(periods) - 1, -1, -1):
        cells = []
        for u in units:
            pt = series[u.pk][i]
            text = vn_number(to_display(pt.value, ind.display_unit), decimals)
            if pt.estimate:
                text += f'<sup title="{escape(estimate)}">{escape(short)}</sup>'
            if pt.corrected:
                text += f'<sup title="{escape(corrected)}">*</sup>'
            if pt.source == "lineage":
                cells.append(f'<td class="num derived" title="{escape(derived)}">{text}</td>')
            else:
                cells.append(f'<td class="num">{text}</td>')
        rows.append(f"<tr><td>{escape(labels[periods[i].code])}</td>{''.join(cells)}</tr>")
    return mark_safe("".join(rows))  # every text escaped above


@login_required
def explore(request: HttpRequest) -> HttpResponse:
    user = request.user
    units, too_many = chosen_units(request, user)
    ind = chosen_indicator(request, units)
    months = month_periods(user)
    periods = month_range(request, months)
    scope = request.GET.get("scope", "period")
    scope = scope if scope in SCOPE else "period"
    series = series_units(units, ind, periods, scope) if ind and periods and units else {}
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx") and ind is not None:
        rows = [export.row(ind, scope, point, u.code, u.full_name) for u in units for point in series.get(u.pk, [])]
        title = _("%(name)s — %(start)s đến %(end)s") % {"name": ind.name, "start": periods[0].code,
                                                         "end": periods[-1].code} if periods else ind.name
        return export.response(export.Table(title, rows), fmt, f"chi-tieu-{ind.code}")
    month_options = period_options(months)
    labels = dict(month_options)
    chart = {"labels": [month_label(p) for p in periods], "unit": ind.display_unit,
             "datasets": [{"label": unit_label(u), "data": [to_display(pt.value, ind.display_unit)
                                                            for pt in series[u.pk]]} for u in units]} \
        if series else None
    params = request.GET.copy()
    params.pop("format", None)
    options = visible_unit_options(user, with_reports=True)
    chosen = {u.pk for u in units}
    return render(request, "indicators/explore.html", {
        "ind": ind, "units": units, "unit_labels": [unit_label(u) for u in units], "too_many": too_many,
        "periods": periods, "scope": scope, "chart": chart, "query": params.urlencode(),
        "table": table_html(periods, labels, series, units, ind) if series else "",
        "indicator_options": indicator_options_html(indicator_groups(), ind.code if ind else None, with_unit=True),
        "from_options": options_html(month_options, periods[0].code if periods else None),
        "to_options": options_html(month_options, periods[-1].code if periods else None),
        "boxes_now": unit_boxes(options, chosen, True), "boxes_old": unit_boxes(options, chosen, False),
        "old_chosen": any(not o.current and o.id in chosen for o in options),
        "scopes": [(k, v) for k, v in SCOPE.items() if k in ("period", "cumulative", "year_to_date")],
        "max_units": MAX_UNITS,
    })
