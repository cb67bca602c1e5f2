"""API: reports (list, upload, detail with meta/facts/findings, original file, status)."""


import mimetypes
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status

from baocao.web.accounts import access
from baocao.web.apiutil import period_of, user_of, visible_unit
from baocao.web.findings.api import FindingOut, findings_queryset
from baocao.web.indicators.api import FactOut
from baocao.web.indicators.models import Fact
from baocao.web.reports import storage
from baocao.web.reports.ingest import AlreadyStoredElsewhere, ingest, set_status
from baocao.web.reports.models import Report, ReportVersion

router = Router()


class UnitBrief(Schema):
    id: int
    code: str
    full_name: str
    level: str


class ReportBase(Schema):
    id: int
    unit: UnitBrief
    period: str
    period_label: str
    doc_type: str
    status: str
    title: str
    number: str
    issued_on: date | None
    version: int | None
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None


class ReportOut(ReportBase):

    @staticmethod
    def resolve_period(obj: Report) -> str:
        return obj.period.code

    @staticmethod
    def resolve_period_label(obj: Report) -> str:
        return obj.period.label

    @staticmethod
    def resolve_version(obj: Report) -> int | None:
        return obj.current.number if obj.current_id else None


class VersionOut(Schema):
    number: int
    sha256: str
    file_name: str
    size: int
    source_kind: str
    uploaded_at: datetime
    uploaded_via: str
    superseded_at: datetime | None


class ReportDetail(ReportBase):
    shown_version: int
    versions: list[VersionOut]
    meta: dict[str, Any]
    facts: list[FactOut]
    findings: list[FindingOut]


class Uploaded(Schema):
    id: int
    version: int
    created: bool
    superseded: int | None
    unit: str
    period: str
    status: str
    facts: int
    findings: int
    values_created: int
    values_revised: int


class StatusIn(Schema):
    status: str
    comment: str = ""


def reports_queryset() -> Any:
    return Report.objects.select_related("unit", "period", "current")


@router.get("", response=list[ReportOut], summary="Danh sách báo cáo")
@paginate
def list_reports(request: HttpRequest, unit: str | None = None, under: str | None = None, period: str | None = None,
                 kind: str | None = None, start: str | None = Query(None, alias="from"),
                 end: str | None = Query(None, alias="to"),
                 status: str | None = None, doc_type: str | None = None):
    from baocao.web.indicators.queries import window_end

    qs = access.filter_visible(reports_queryset(), user_of(request))
    if unit:
        qs = qs.filter(unit=visible_unit(request, unit))
    if under:
        qs = qs.filter(unit__path__startswith=visible_unit(request, under).path)
    if period:
        qs = qs.filter(period=period_of(period))
    if kind:
        qs = qs.filter(period__kind=kind)
    if start:
        qs = qs.filter(period__window_end__gte=window_end(start))
    if end:
        qs = qs.filter(period__window_end__lte=window_end(end))
    if status:
        qs = qs.filter(status=status)
    if doc_type:
        qs = qs.filter(doc_type=doc_type)
    return qs.order_by("-period__window_end", "unit__code", "id")


@router.post("", response={200: Uploaded, 201: Uploaded, 409: dict, 413: dict},
             summary="Gửi một báo cáo (multipart: file, unit, period)")
def upload_report(request: HttpRequest, file: UploadedFile = File(...), unit: str | None = Form(None),
                  period: str | None = Form(None), status: str = Form("draft")):
    user = user_of(request)
    limit = settings.BAOCAO_MAX_UPLOAD_BYTES
    if file.size and file.size > limit:
        return Status(413, {"detail": f"Tệp lớn hơn giới hạn {max(1, limit // (1024 * 1024))} MB."})
    data = file.read()
    try:
        result = ingest(data, file.name or "upload", unit_code=unit or None, period_code=period or None,
                        actor=user, user=user, via="api", status=status)
    except AlreadyStoredElsewhere as exc:
        return Status(409, {"detail": exc.message})
    r = result.report
    payload = {"id": r.pk, "version": result.version.number, "created": result.created,
               "superseded": result.superseded, "unit": r.unit.code, "period": r.period.code, "status": r.status,
               "facts": result.facts, "findings": result.findings, "values_created": result.values.created,
               "values_revised": result.values.revised}
    return Status(201 if result.created else 200, payload)


def _version(report: Report, number: int | None) -> ReportVersion:
    if number is None:
        if report.current is None:
            raise Http404("Báo cáo chưa có phiên bản nào.")
        return report.current
    version = report.versions.filter(number=number).first()
    if version is None:
        raise Http404(f"Không có phiên bản {number}.")
    return version


@router.get("/{int:report_id}", response=ReportDetail, summary="Một báo cáo: meta, facts, findings")
def report_detail(request: HttpRequest, report_id: int, version: int | None = None):
    report = access.get_visible(reports_queryset(), user_of(request), pk=report_id)
    shown = _version(report, version)
    facts = Fact.objects.filter(version=shown).select_related("indicator", "period").order_by("start", "id")
    findings = findings_queryset().filter(version=shown).order_by("id")
    return {**ReportOut.from_orm(report).model_dump(), "shown_version": shown.number,
            "versions": list(report.versions.order_by("number")), "meta": shown.meta, "facts": list(facts),
            "findings": list(findings)}


@router.get("/{int:report_id}/document", response=dict, summary="Mô hình văn bản đầy đủ (JSON của baocao parse)")
def report_document(request: HttpRequest, report_id: int, version: int | None = None):
    report = access.get_visible(reports_queryset(), user_of(request), pk=report_id)
    return _version(report, version).document


@router.get("/{int:report_id}/file", summary="Tệp gốc (đúng từng byte)")
def report_file(request: HttpRequest, report_id: int, version: int | None = None):
    report = access.get_visible(reports_queryset(), user_of(request), pk=report_id)
    v = _version(report, version)
    path = storage.path_for(v.sha256)
    if not path.exists():
        raise Http404("Tệp gốc không còn trong thư mục dữ liệu.")
    content_type = mimetypes.guess_type(v.file_name)[0] or "application/octet-stream"
    resp = FileResponse(path.open("rb"), as_attachment=True, filename=v.file_name, content_type=content_type)
    resp["X-Content-SHA256"] = v.sha256
    return resp


@router.post("/{int:report_id}/status", response=ReportOut, summary="Đổi trạng thái (draft, submitted, reviewed)")
def report_status(request: HttpRequest, report_id: int, payload: StatusIn):
    user = user_of(request)
    report = access.get_visible(reports_queryset(), user, pk=report_id)
    access.require(user, "review" if payload.status == "reviewed" else "submit", report.unit)
    return set_status(report, payload.status, user, payload.comment)
