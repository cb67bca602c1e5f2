"""The start page and the unit dashboard (key figures, charts, open findings, reports, planned tasks)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from baocao.web.accounts import access
from baocao.web.dashboards import metrics
from baocao.web.findings.models import Finding
from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import Indicator
from baocao.web.periods.models import Period
from baocao.web.reports.models import Report
from baocao.web.units.models import Lineage, Unit
from baocao.web.units.services import predecessors, successors


def home_unit(user: Any) -> Unit | None:
    """The unit a user starts from: their own; for a superuser without one, a province holding reports."""
    member = access.membership(user)
    if member is not None:
        return member.unit
    if user.is_superuser:
        latest = Report.objects.select_related("unit").order_by("-period__window_end", "-id").first()
        if latest is not None:
            return latest.unit.province() or latest.unit
    return None


@login_required
def start(request: HttpRequest) -> HttpResponse:
    unit = home_unit(request.user)
    if unit is None:
        return render(request, "dashboards/no_unit.html")
    if unit.children.exists():
        return redirect("dashboards:overview", pk=unit.pk)
    return redirect("dashboards:unit", pk=unit.pk)


def visible_unit_or_404(user: Any, pk: int) -> Unit:
    unit = access.visible_units(user).select_related("parent").filter(pk=pk).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def month_label(period: Period) -> str:
    return f"{period.last_month:02d}/{period.year}"


def key_indicators(level: str) -> list[Indicator]:
    """The catalogue's key indicators that units of `level` report."""
    return [ind for ind in Indicator.objects.filter(key=True, active=True).order_by("sector", "code")
            if not ind.levels or level in ind.levels]


def main_chart(unit: Unit, ind: Indicator, latest: Period) -> dict[str, Any]:
    """The indicator over the last 24 months, with the same months a year earlier dashed."""
    periods = metrics.month_window(latest, 36)
    points = metrics.series_many(unit, [ind], periods)[ind.pk]
    by_code = {p.code: pt for p, pt in zip(periods, points, strict=True)}
    shown = periods[-24:]

    def value(pt: Any) -> float | None:
        return to_display(pt.value, ind.display_unit) if pt is not None else None

    return {
        "labels": [month_label(p) for p in shown],
        "unit": ind.display_unit,
        "datasets": [
            {"label": ind.name, "data": [value(by_code.get(p.code)) for p in shown]},
            {"label": _("cùng kỳ năm trước"), "dashed": True, "color": "#9aa5b1",
             "data": [value(by_code.get(f"{p.year - 1}-{p.last_month:02d}")) for p in shown]},
        ],
    }


def task_panel(unit: Unit, latest: Period | None) -> dict[str, Any] | None:
    """What happened to the tasks planned for the latest period, and the tasks planned for the next
    one — from the store's planned tasks (the tasks app), when it is installed and has any."""
    if latest is None or not apps.is_installed("baocao.web.tasks"):
        return None
    from baocao.text.periods import next_period
    from baocao.web.periods.services import as_core
    from baocao.web.tasks import services

    upcoming = next_period(as_core(latest)).code
    now = services.tasks_for(unit, latest.code)
    planned = services.tasks_for(unit, upcoming)
    if not now and not planned:
        return None
    labels = {"done": _("đã thực hiện"), "in_progress": _("đang thực hiện"), "not_mentioned": _("chưa đề cập"),
              services.NO_REPORT: _("chưa có báo cáo kỳ sau")}
    return {"now": [(labels.get(k, k), k, n) for k, n in services.summary(now).items()], "now_period": latest.code,
            "now_count": len(now), "planned": planned[:10], "planned_count": len(planned),
            "planned_period": upcoming}


@login_required
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    unit = visible_unit_or_404(user, pk)
    reports = list(Report.objects.filter(unit=unit).select_related("period", "current")
                   .order_by("-period__window_end", "-id")[:8])
    monthly = [r for r in reports if r.period.kind == "month"]
    latest_report = monthly[0] if monthly else (reports[0] if reports else None)
    latest = latest_report.period if latest_report and latest_report.period.kind == "month" else None
    kpis = metrics.kpis(unit, key_indicators(unit.level), latest) if latest else []
    chosen = request.GET.get("chi-tieu") or (kpis[0].indicator.code if kpis else "")
    chart_ind = next((k.indicator for k in kpis if k.indicator.code == chosen), None)
    if chart_ind is None and chosen:
        chart_ind = Indicator.objects.filter(code=chosen, active=True).first()
    chart = main_chart(unit, chart_ind, latest) if chart_ind and latest else None
    findings_qs = access.filter_visible(
        Finding.objects.filter(unit__path__startswith=unit.path, state="open", version__superseded_at__isnull=True),
        user)
    open_count = findings_qs.count()
    open_findings = list(findings_qs.select_related("unit", "period")
                         .order_by("-period__window_end", "severity", "id")[:8])
    tasks = task_panel(unit, latest)
    sparks = {f"spark-{k.indicator.pk}": {"labels": k.spark_labels, "unit": k.indicator.display_unit,
                                          "datasets": [{"label": k.indicator.name,
                                                        "data": [to_display(v, k.indicator.display_unit)
                                                                 for v in k.spark]}]}
              for k in kpis}
    has_children = unit.children.exists()
    formed = predecessors(unit) if Lineage.objects.filter(unit=unit).exists() else []
    return render(request, "dashboards/unit.html", {
        "unit": unit, "ancestors": [u for u in unit.ancestors() if access.can_see(user, u)],
        "latest": latest, "latest_report": latest_report, "reports": reports, "kpis": kpis,
        "chart": chart, "chart_ind": chart_ind, "sparks": sparks, "open_findings": open_findings,
        "open_count": open_count, "tasks": tasks, "has_children": has_children,
        "formed_from": formed, "became": successors(unit) if unit.valid_to else [],
        "indicator_choices": [k.indicator for k in kpis],
    })
