"""The units a user sees, as a tree, each leading to its dashboard."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from baocao.web.accounts import access
from baocao.web.reports.models import Report
from baocao.web.ui.choices import visible_unit_options


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    options = visible_unit_options(user, with_reports=True)
    show_old = request.GET.get("tat-ca") == "1"
    if not show_old:
        options = [o for o in options if o.current]
    stats = {row["unit_id"]: row for row in access.filter_visible(Report.objects.all(), user)
             .values("unit_id").annotate(n=Count("id"), last=Max("period__window_end"))}
    parents = set(access.visible_units(user).exclude(parent__isnull=True).values_list("parent_id", flat=True))
    rows = [{"o": o, "n": stats.get(o.id, {}).get("n", 0), "last": stats.get(o.id, {}).get("last"),
             "has_children": o.id in parents} for o in options]
    return render(request, "units/list.html", {"rows": rows, "show_old": show_old})
