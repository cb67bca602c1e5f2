"""Planned tasks (nhiệm vụ trọng tâm) of a unit's reports, as the reports print them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from baocao.web.dashboards.tasks import planned_tasks
from baocao.web.dashboards.views import home_unit, visible_unit_or_404
from baocao.web.reports.models import Report
from baocao.web.ui.choices import visible_unit_options


@login_required
def tasks(request: HttpRequest) -> HttpResponse:
    user = request.user
    raw = request.GET.get("unit", "")
    unit = visible_unit_or_404(user, int(raw)) if raw.isdigit() else home_unit(user)
    reports = list(Report.objects.filter(unit=unit).select_related("period", "current")
                   .order_by("-period__window_end", "-id")[:24]) if unit else []
    chosen = next((r for r in reports if str(r.pk) == request.GET.get("report")), reports[0] if reports else None)
    items = planned_tasks(chosen.current) if chosen and chosen.current else []
    return render(request, "dashboards/tasks.html", {
        "unit": unit, "reports": reports, "report": chosen, "tasks": items,
        "units": visible_unit_options(user, with_reports=True),
    })
