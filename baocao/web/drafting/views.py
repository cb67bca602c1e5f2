"""The drafting page: pick a unit and a period, download the drafted report (DOCX in the Decree
30/2020 format) or its annex tables (XLSX). Any user who sees the unit may draft its report."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from baocao.web.accounts import access
from baocao.web.drafting import services
from baocao.web.drafting.api import download
from baocao.web.drafting.figures import children_in_force
from baocao.web.periods.models import Period
from baocao.web.reports.models import Report
from baocao.web.tasks.views import visible_unit
from baocao.web.units.models import Unit


def draftable_periods(unit: Unit) -> list[Period]:
    """Periods holding a report of the unit or of a unit under it (there is something to draft from)."""
    ids = Report.objects.filter(unit__path__startswith=unit.path).values("period_id")
    return list(Period.objects.filter(pk__in=ids).order_by("-window_end")[:36])


def _chosen(unit: Unit, periods: list[Period], code: str) -> Period | None:
    if code:
        found = next((p for p in periods if p.code == code), None)
        if found is None:
            raise Http404("Chưa có số liệu của kỳ này.")
        return found
    return periods[0] if periods else None


@login_required
def page(request: HttpRequest) -> HttpResponse:
    from baocao.web.ui.choices import visible_unit_options

    user = request.user
    unit = visible_unit(user, request.GET.get("unit", ""))
    periods = draftable_periods(unit) if unit else []
    period = _chosen(unit, periods, request.GET.get("period", "")) if unit else None
    missing = services.missing_reports(unit, period) if unit and period else []
    return render(request, "drafting/page.html", {
        "unit": unit, "periods": periods, "period": period, "missing": missing,
        "rolled_up": bool(unit and period and children_in_force(unit, period)),
        "units": visible_unit_options(user, with_reports=True),
    })


@login_required
def file(request: HttpRequest) -> HttpResponse:
    user = request.user
    raw = request.GET.get("unit", "")
    unit = access.visible_units(user).filter(pk=int(raw)).first() if raw.isdigit() else None
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    periods = draftable_periods(unit)
    period = _chosen(unit, periods, request.GET.get("period", ""))
    if period is None:
        raise Http404("Chưa có số liệu để dự thảo.")
    return download(services.prepare(unit, period), request.GET.get("format", "docx"))
