"""The search page: a query, optional unit and period range, sentences with the hits marked."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from baocao.web.accounts import access
from baocao.web.search.query import parse
from baocao.web.search.service import search
from baocao.web.ui.choices import (
    month_periods,
    options_html,
    period_options,
    unit_options_html,
    visible_unit_options,
)


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    text = request.GET.get("q", "")
    query = parse(text)
    unit = None
    if request.GET.get("unit"):
        unit = access.visible_units(user).filter(pk=_int(request.GET.get("unit"))).first()
        if unit is None:
            raise Http404("Không tìm thấy đơn vị.")
    months = month_periods(user)
    periods = {p.code: p for p in months}
    start = periods.get(request.GET.get("from", ""))
    end = periods.get(request.GET.get("to", ""))
    results = None
    if query is not None:
        results = search(user, query, unit=unit, start=start, end=end, page=_int(request.GET.get("page"), 1))
    params = request.GET.copy()
    params.pop("page", None)
    month_options = period_options(months)
    return render(request, "search/search.html", {
        "search_query": text, "query": query, "results": results, "unit": unit, "start": start, "end": end,
        "unit_options": unit_options_html(visible_unit_options(user, with_reports=True), unit.pk if unit else None),
        "from_options": options_html(month_options, start.code if start else None),
        "to_options": options_html(month_options, end.code if end else None),
        "base_params": params.urlencode(), "empty_query": bool(text.strip()) and query is None,
    })
