"""The tasks page: the key tasks planned for a unit and period, what the period's report says
about each (with the sentence, linked into the report's review page), and — for editors and
up — a form to confirm or correct the status. Viewers read; outsiders get 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.errors import InputError
from baocao.web.accounts import access
from baocao.web.periods.services import core_period
from baocao.web.tasks import services
from baocao.web.tasks.models import PlannedTask, TaskMatch
from baocao.web.units.models import Unit

STATUS_CHOICES = list(services.LABELS.items())


def visible_unit(user: Any, raw: str) -> Unit | None:
    """The unit of the `unit` parameter (id) among those the user sees (404 otherwise), else the user's own."""
    if raw:
        unit = access.visible_units(user).filter(pk=int(raw)).first() if raw.isdigit() else None
        if unit is None:
            raise Http404("Không tìm thấy đơn vị.")
        return unit
    member = access.membership(user)
    return member.unit if member is not None else None


def period_label(code: str) -> str:
    """"Tháng 10/2025" in the page's language (a planned period often has no stored `Period`)."""
    from baocao.web.ui.templatetags.baocao_ui import period_name

    p = core_period(code)
    return period_name(p.kind, p.year, p.month, p.quarter, p.half)


def periods_with_tasks(unit: Unit) -> list[tuple[str, str, bool]]:
    """(code, label, answered) of the periods the unit's tasks are planned for, newest first."""
    rows = (PlannedTask.objects.filter(unit__in=services.planners_of(unit), kind="task")
            .values_list("period_code", "period_end", "match__id").order_by("-period_end"))
    out: dict[str, tuple[str, str, bool]] = {}
    for code, _end, match in rows:
        answered = out[code][2] if code in out else False
        out[code] = (code, period_label(code), answered or match is not None)
    return list(out.values())


def _default_period(options: list[tuple[str, str, bool]]) -> str:
    """The latest period whose report is in (its tasks have a status), else the latest planned."""
    return next((code for code, _, answered in options if answered), options[0][0] if options else "")


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    from baocao.web.ui.choices import visible_unit_options

    user = request.user
    unit = visible_unit(user, request.GET.get("unit", ""))
    options = periods_with_tasks(unit) if unit else []
    period = request.GET.get("period") or _default_period(options)
    if period:
        try:
            period = core_period(period).code
        except InputError:
            raise Http404("Kỳ không hợp lệ.") from None
    views = services.tasks_for(unit, period) if unit and period else []
    meetings = services.tasks_for(unit, period, kind="meeting") if unit and period else []
    return render(request, "tasks/list.html", {
        "unit": unit, "period": period, "period_label": period_label(period) if period else "",
        "periods": options, "units": visible_unit_options(user, with_reports=True),
        "views": views, "meetings": meetings, "summary": [(services.SUMMARY_LABELS[k], k, n)
                                                          for k, n in services.summary(views).items()],
        "late": services.late_units_for(unit, period) if unit and period else [],
        "may_decide": bool(unit) and services.can_decide(user, unit),
        "statuses": STATUS_CHOICES,
    })


@login_required
@require_POST
def task_status(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    task = access.get_visible(services.tasks_queryset(), user, pk=pk)
    services.require_decide(user, task.unit)  # 404 outside, 403 for viewers
    back = reverse("tasks:list") + f"?unit={request.POST.get('unit') or task.unit_id}&period={task.period_code}" \
        + f"#task-{task.pk}"
    if request.POST.get("undo"):
        services.undo_decision(task, user, request.POST.get("note", ""))
        messages.success(request, _("Nhiệm vụ %(number)s: đã trở lại kết quả tự động.") % {"number": task.number})
        return redirect(back)
    status = request.POST.get("status", "")
    evidence = request.POST.get("evidence", "")
    paragraph = text = None
    if evidence and evidence != "keep":
        match = TaskMatch.objects.filter(task=task).first()
        candidates = ([{"paragraph": match.evidence_paragraph, "text": match.evidence_text}, *match.alternatives]
                      if match else [])
        chosen = next((c for c in candidates if c.get("paragraph") == evidence), None)
        if chosen is not None:
            paragraph, text = chosen["paragraph"], chosen["text"]
    try:
        services.decide(task, status, user, evidence_paragraph=paragraph, evidence_text=text,
                        note=request.POST.get("note", ""))
    except InputError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(request, _("Nhiệm vụ %(number)s: đã ghi nhận «%(status)s».")
                     % {"number": task.number, "status": _(services.LABELS[status])})
    return redirect(back)
