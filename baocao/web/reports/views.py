"""Report pages: the list, the review page (text, figures, findings), status changes, the original file."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.web.accounts import access
from baocao.web.findings.models import Finding
from baocao.web.findings.views import card_context, permissions
from baocao.web.indicators.models import Fact
from baocao.web.reports import storage
from baocao.web.reports.ingest import set_status
from baocao.web.reports.models import Report, ReportVersion
from baocao.web.ui import document
from baocao.web.ui.choices import (
    month_periods,
    options_html,
    period_options,
    unit_options_html,
    visible_unit_options,
)
from baocao.web.ui.figures import fact_card

PER_PAGE = 50


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    qs = access.filter_visible(Report.objects.select_related("unit", "period", "current"), user)
    unit = None
    if _int(request.GET.get("unit")):
        unit = access.visible_units(user).filter(pk=_int(request.GET.get("unit"))).first()
        if unit is None:
            raise Http404("Không tìm thấy đơn vị.")
        qs = qs.filter(unit__path__startswith=unit.path)
    period = request.GET.get("period", "")
    if period:
        qs = qs.filter(period__code=period)
    status = request.GET.get("status", "")
    if status in ("draft", "submitted", "reviewed"):
        qs = qs.filter(status=status)
    qs = qs.order_by("-period__window_end", "unit__code", "id")
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    counts: dict[tuple[int, str], int] = {}
    for row in (Finding.objects.filter(report_id__in=[r.pk for r in page.object_list], state="open",
                                       version__superseded_at__isnull=True)
                .values("report_id", "severity").annotate(n=Count("id"))):
        counts[(row["report_id"], row["severity"])] = row["n"]
    for r in page.object_list:  # open findings of the current version, counted for this page only
        r.n_errors = counts.get((r.pk, "error"), 0)
        r.n_open = r.n_errors + counts.get((r.pk, "warning"), 0) + counts.get((r.pk, "info"), 0)
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "reports/list.html", {
        "page": page, "unit": unit, "period": period, "status": status, "base_params": params.urlencode(),
        "unit_options": unit_options_html(visible_unit_options(user, with_reports=True), unit.pk if unit else None),
        "period_options": options_html(period_options(month_periods(user)), period),
    })


def _version(report: Report, number: str | None) -> ReportVersion:
    if number:
        version = report.versions.filter(number=_int(number) or 0).first()
        if version is None:
            raise Http404("Không có phiên bản này.")
        return version
    if report.current is None:
        raise Http404("Báo cáo chưa có phiên bản nào.")
    return report.current


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    report = access.get_visible(Report.objects.select_related("unit", "period", "current", "reviewed_by"), user, pk=pk)
    version = _version(report, request.GET.get("v"))
    facts = list(Fact.objects.filter(version=version).select_related("indicator", "period"))
    findings = list(Finding.objects.filter(version=version).select_related("state_changed_by")
                    .order_by("id"))
    blocks, loose = document.blocks(version.document or {}, facts, findings)
    order = loose + [pk for b in blocks for pk in b.findings]
    rank = {pk: i for i, pk in enumerate(order)}
    findings.sort(key=lambda f: (rank.get(f.pk, len(rank)), f.pk))
    perms = permissions(user, report.unit)
    if version.superseded_at is not None:  # an old version is read, not handled
        perms = dict.fromkeys(perms, False)
    by_fid = {f.fact_id: f for f in facts}
    cards = [card_context(f, perms, by_fid) for f in findings]
    open_findings = [f for f in findings if f.state == "open"]
    figure_cards = {f.pk: fact_card(f, report.period_id) for f in facts}
    return render(request, "reports/review.html", {
        "report": report, "version": version, "versions": list(report.versions.order_by("number")),
        "blocks": blocks, "cards": cards, "perms": perms, "meta": version.meta,
        "n_facts": len(facts), "n_findings": len(findings), "n_open": len(open_findings),
        "n_open_errors": sum(1 for f in open_findings if f.severity == "error"),
        "figures": figure_cards,
        "is_current": version.superseded_at is None,
    })


@login_required
@require_POST
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    report = access.get_visible(Report.objects.select_related("unit", "period"), user, pk=pk)
    status = request.POST.get("status", "")
    if status not in ("draft", "submitted", "reviewed"):
        messages.error(request, _("Trạng thái không hợp lệ."))
        return redirect("reports:review", pk=pk)
    access.require(user, "submit" if status == "submitted" else "review", report.unit)
    set_status(report, status, user, request.POST.get("comment", "").strip())
    done = {"draft": _("Đã trả báo cáo về bản nháp."), "submitted": _("Đã gửi báo cáo."),
            "reviewed": _("Đã đánh dấu báo cáo là đã kiểm duyệt.")}
    messages.success(request, done[status])
    return redirect("reports:review", pk=pk)


@login_required
def original_file(request: HttpRequest, pk: int) -> Any:
    report = access.get_visible(Report.objects.select_related("unit", "current"), request.user, pk=pk)
    version = _version(report, request.GET.get("v"))
    path = storage.path_for(version.sha256)
    if not path.exists():
        raise Http404("Tệp gốc không còn trong thư mục dữ liệu.")
    content_type = mimetypes.guess_type(version.file_name)[0] or "application/octet-stream"
    return FileResponse(path.open("rb"), as_attachment=True, filename=version.file_name, content_type=content_type)
