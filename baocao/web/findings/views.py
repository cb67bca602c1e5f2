"""Handling one finding from the review page: fix the value, accept it as correct, reopen it.

- fix (editor and up): the finding is marked fixed with a comment; a reviewer who gives the
  right value also corrects the indicator value the figure yielded (the printed one stays
  visible in the store); an editor's value is kept in the comment for the reviewer.
- accept (reviewer and up): the figure is right as printed; a comment saying why is required.
- reopen (reviewer and up): back to open.
Every answer is the finding's card again (htmx), or a redirect to the review page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.errors import InputError
from baocao.extract.numbers import parse_number
from baocao.web.accounts import access
from baocao.web.findings.models import Finding
from baocao.web.findings.services import change_state
from baocao.web.indicators.display import vn_number
from baocao.web.indicators.models import Fact, IndicatorValue
from baocao.web.indicators.services import correct_value
from baocao.web.ui.figures import readable, scale_for


def permissions(user: Any, unit: Any) -> dict[str, bool]:
    return {"fix": access.can(user, "fix_finding", unit), "accept": access.can(user, "review", unit),
            "correct": access.can(user, "correct", unit), "submit": access.can(user, "submit", unit),
            "review": access.can(user, "review", unit)}


def target_fact(finding: Finding, facts_by_fid: dict[str, Fact]) -> Fact | None:
    """The figure a fix changes: the first evidence that is an extracted figure."""
    for ev in finding.evidence or ():
        fact = facts_by_fid.get(ev.get("fact") or "")
        if fact is not None:
            return fact
    return None


def card_context(finding: Finding, perms: dict[str, bool], facts_by_fid: dict[str, Fact],
                 error: str = "") -> dict[str, Any]:
    fact = target_fact(finding, facts_by_fid)
    fix: dict[str, Any] | None = None
    if fact is not None:
        display_unit = fact.indicator.display_unit if fact.indicator_id else None
        multiplier, unit_label = scale_for(fact.value, fact.base_unit, display_unit)
        suggested = ""
        if finding.expected is not None and finding.actual is not None and abs(finding.actual - fact.value) < 1e-9:
            suggested = vn_number(finding.expected / multiplier, fact.decimals if fact.decimals else None)
        fix = {"fact": fact, "unit": unit_label, "suggested": suggested, "multiplier": multiplier}
    raws = [ev.get("raw") for ev in finding.evidence or () if ev.get("raw")]
    return {"f": finding, "perms": perms, "fix": fix, "raws": raws, "error": error}


def facts_of(finding: Finding) -> dict[str, Fact]:
    ids = [ev.get("fact") for ev in finding.evidence or () if ev.get("fact")]
    return {f.fact_id: f for f in Fact.objects.filter(version_id=finding.version_id, fact_id__in=ids)
            .select_related("indicator")}


def parse_value(text: str) -> float:
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    negative = raw.startswith(("-", "−"))
    try:
        number = parse_number(raw.lstrip("-−"))
    except ValueError:
        raise InputError(_("«%(text)s» không phải là số: dùng dấu chấm ngăn cách hàng nghìn và dấu phẩy "
                           "cho phần thập phân, ví dụ 1.809,6.") % {"text": text.strip()}) from None
    return -number.value if negative else number.value


def _fix(request: HttpRequest, finding: Finding, perms: dict[str, bool], facts: dict[str, Fact],
         comment: str) -> None:
    user = request.user
    access.require(user, "fix_finding", finding.unit)
    text = request.POST.get("value", "").strip()
    fact = target_fact(finding, facts)
    note = comment
    if text and fact is not None:
        ctx = card_context(finding, perms, facts)
        shown = parse_value(text)
        new = shown * ctx["fix"]["multiplier"]
        display_unit = fact.indicator.display_unit if fact.indicator_id else None
        pretty = readable(new, fact.base_unit, display_unit)
        value = IndicatorValue.objects.filter(source_fact=fact).first()
        if value is not None and perms["correct"]:
            correct_value(value, new, comment or _("Sửa theo phát hiện: %(message)s") % {"message": finding.message},
                          user)
            note = _("Đã sửa «%(raw)s» thành %(value)s.") % {"raw": fact.raw, "value": pretty}
        else:
            note = _("Giá trị đúng: %(value)s (số in trong báo cáo: «%(raw)s»).") % {"value": pretty,
                                                                                     "raw": fact.raw}
        note = f"{note} {comment}".strip()
    if not note:
        raise InputError(_("Ghi giá trị đúng hoặc một ghi chú về cách đã sửa."))
    change_state(finding, "fixed", note, user)


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    qs = Finding.objects.select_related("unit", "period", "report", "version", "state_changed_by")
    finding = access.get_visible(qs, user, pk=pk)
    action = request.POST.get("action", "")
    comment = request.POST.get("comment", "").strip()
    perms = permissions(user, finding.unit)
    facts = facts_of(finding)
    error = ""
    try:
        if action == "accept":
            access.require(user, "review", finding.unit)
            if not comment:
                raise InputError(_("Chấp nhận một phát hiện là đúng cần có ghi chú giải thích vì sao."))
            change_state(finding, "accepted", comment, user)
        elif action == "fix":
            _fix(request, finding, perms, facts, comment)
        elif action == "reopen":
            access.require(user, "review", finding.unit)
            change_state(finding, "open", comment, user)
        else:
            raise InputError(_("Thao tác không hợp lệ."))
    except InputError as exc:
        error = exc.message
    if request.htmx:
        finding.refresh_from_db()
        return render(request, "findings/_card.html", card_context(finding, perms, facts, error),
                      status=200)  # htmx swaps only 2xx answers: the error is in the card
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Đã cập nhật phát hiện."))
    return redirect(reverse("reports:review", args=[finding.report_id]) + f"#finding-{finding.pk}")
