"""The indicator explorer: one indicator, some units, a range of months → chart, table, CSV/XLSX."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from baocao.web.accounts import access
from baocao.web.dashboards.metrics import series_many
from baocao.web.dashboards.views import home_unit, month_label
from baocao.web.indicators import export
from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.periods.models import Period
from baocao.web.ui.choices import indicator_groups, month_periods, unit_label, visible_unit_options
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


@login_required
def explore(request: HttpRequest) -> HttpResponse:
    user = request.user
    units, too_many = chosen_units(request, user)
    ind = chosen_indicator(request, units)
    months = month_periods(user)
    periods = month_range(request, months)
    scope = request.GET.get("scope", "period")
    scope = scope if scope in SCOPE else "period"
    series = {u.pk: series_many(u, [ind], periods, scope)[ind.pk] for u in units} if ind and periods else {}
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx") and ind is not None:
        rows = [export.row(ind, scope, point, u.code, u.full_name) for u in units for point in series[u.pk]]
        title = _("%(name)s — %(start)s đến %(end)s") % {"name": ind.name, "start": periods[0].code,
                                                         "end": periods[-1].code} if periods else ind.name
        return export.response(export.Table(title, rows), fmt, f"chi-tieu-{ind.code}")
    table = []
    for i, p in enumerate(periods if ind else []):
        cells = []
        for u in units:
            pt = series[u.pk][i]
            cells.append({"value": to_display(pt.value, ind.display_unit) if ind else None, "source": pt.source,
                          "estimate": pt.estimate, "corrected": pt.corrected})
        table.append({"period": p, "cells": cells})
    chart = {"labels": [month_label(p) for p in periods], "unit": ind.display_unit if ind else "",
             "datasets": [{"label": unit_label(u), "data": [to_display(pt.value, ind.display_unit) for pt in series[u.pk]]}
                          for u in units]} if ind and periods else None
    params = request.GET.copy()
    params.pop("format", None)
    options = visible_unit_options(user, with_reports=True)
    return render(request, "indicators/explore.html", {
        "ind": ind, "units": units, "unit_labels": [unit_label(u) for u in units], "unit_ids": [u.pk for u in units], "too_many": too_many, "periods": periods,
        "months": months, "scope": scope, "table": table, "chart": chart, "groups": indicator_groups(),
        "unit_options": options, "query": params.urlencode(),
        "scopes": [(k, v) for k, v in SCOPE.items() if k in ("period", "cumulative", "year_to_date")],
        "max_units": MAX_UNITS, "has_old": any(not o.current for o in options),
        "old_chosen": any(not o.current and o.id in {u.pk for u in units} for o in options),
    })
