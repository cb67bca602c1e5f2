"""The landing page (the web app proper is built on the same services, see docs/store.md)."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from baocao.web.accounts import access
from baocao.web.reports.models import Report


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    context: dict[str, object] = {"user": user}
    if user.is_authenticated:
        reports = access.filter_visible(Report.objects.all(), user)
        context.update(
            unit=getattr(access.membership(user), "unit", None),
            role=access.role_of(user),
            n_units=access.visible_units(user).count(),
            n_reports=reports.count(),
            by_status={row["status"]: row["n"] for row in reports.values("status").annotate(n=Count("id"))},
            latest=reports.select_related("unit", "period").order_by("-period__window_end", "-updated_at")[:10],
        )
    return render(request, "baocao/home.html", context)
