"""Ingest: one file → analysis by the core → report, version, facts, findings, values.

The steps, in order (each a small function below):
1. hash the bytes; a file already stored changes nothing;
2. analyse with the core pipeline (read → parse → extract → check);
3. decide the period and the unit (given, or inferred from the document);
4. keep the original file under BAOCAO_HOME/files/<sha256>;
5. in one transaction: the report (or a new version superseding the current one), its facts,
   its findings, and the indicator values the accepted facts yield.
The store's own checks (outliers) run afterwards — at once, or once for a whole batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from baocao.config import Config
from baocao.errors import InputError
from baocao.pipeline import analyze_bytes
from baocao.web.accounts import access
from baocao.web.audit.services import record
from baocao.web.findings.services import from_core
from baocao.web.indicators.catalogue import by_code
from baocao.web.indicators.derive import Outcome, apply_version
from baocao.web.indicators.services import facts_from_core
from baocao.web.periods.models import Period
from baocao.web.periods.services import core_period, ensure_period
from baocao.web.reports import storage
from baocao.web.reports.docjson import document_dict
from baocao.web.reports.models import DOC_TYPES, STATUSES, Report, ReportVersion
from baocao.web.reports.signals import version_stored
from baocao.web.units.models import Unit
from baocao.web.units.services import match_name, resolve


@dataclass
class IngestResult:
    report: Report
    version: ReportVersion
    created: bool  # False: the same file was already stored, nothing changed
    superseded: int | None = None  # number of the version this one replaced
    facts: int = 0
    findings: int = 0
    values: Outcome = field(default_factory=Outcome)
    value_ids: list[int] = field(default_factory=list)  # values this version sources, for the store checks


class AlreadyStoredElsewhere(InputError):
    """The file is stored for a report the user may not see."""


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def decide_period(meta: Any, period_code: str | None, name: str) -> Period:
    if period_code:
        return ensure_period(period_code)
    if meta.period is None:
        raise InputError(f"Không xác định được kỳ báo cáo của «{name}»; chỉ rõ kỳ (--period, ví dụ 2025-11).")
    return ensure_period(meta.period.code)


def issue_date(meta: Any) -> date | None:
    """The date printed on the report, else the day of its first digital signature."""
    return _date(meta.issued_on) or next((_date(s[:10]) for s in meta.signed_at if _date(s[:10])), None)


def decide_unit(meta: Any, period: Period, unit_code: str | None, name: str, user: Any = None) -> Unit:
    issued = issue_date(meta)
    if unit_code:
        return resolve(unit_code, issued or period.window_end)
    if not meta.unit_name:
        raise InputError(f"Không xác định được đơn vị ban hành «{name}»; chỉ rõ mã đơn vị (--unit MÃ).")
    within = None
    if user is not None and not getattr(user, "is_superuser", False):
        within = list(access.visible_units(user).values_list("pk", flat=True))
    printed = f"{meta.unit_kind or ''} {meta.unit_name}".strip()
    found = match_name(meta.unit_kind, meta.unit_name, meta.level, (issued, period.window_end, period.window_start),
                       within)
    if not found and meta.level:
        found = match_name(meta.unit_kind, meta.unit_name, None, (issued, period.window_end), within)
    if not found:
        raise InputError(f"Không tìm thấy đơn vị «{printed}» trong danh sách đơn vị của «{name}»; "
                         "nhập danh sách (baocao units import) hoặc chỉ rõ mã đơn vị (--unit MÃ).")
    if len(found) > 1:
        codes = ", ".join(u.code for u in found[:6])
        raise InputError(f"Có {len(found)} đơn vị tên «{printed}» (mã {codes}); chỉ rõ mã đơn vị (--unit MÃ).")
    return found[0]


def analyse(data: bytes, name: str, config: Config) -> Any:
    """The core's analysis of one file (no Django: batches run it in worker processes)."""
    return analyze_bytes(data, name, config)


def ingest(data: bytes, name: str, *, unit_code: str | None = None, period_code: str | None = None,
           actor: Any = "cli", user: Any = None, via: str = "cli", status: str = "draft",
           store_checks: bool = True, config: Config | None = None, analysis: Any = None,
           prepared: Any = None, indicators: dict[str, Any] | None = None) -> IngestResult:
    """Store one report file. `user` (API/web) limits inference to their units and is checked
    for the right to upload; the CLI passes none and may write everywhere. A batch passes the
    `analysis` done ahead (in a worker), the task inputs prepared there with it (`prepared`,
    a `baocao.tasks.Prepared`, handed on to `version_stored`) and the catalogue it loaded once
    (`indicators`)."""
    if status not in dict(STATUSES):
        raise InputError(f"Trạng thái «{status}» không hợp lệ (draft, submitted hoặc reviewed).")
    if period_code:
        core_period(period_code)  # a malformed argument is refused even for a file already stored
    digest = storage.sha256_of(data)
    existing = ReportVersion.objects.select_related("report__unit", "report__period").filter(sha256=digest).first()
    if existing is not None:
        if user is not None and not access.can_see(user, existing.report.unit):
            raise AlreadyStoredElsewhere("Tệp này đã được lưu cho một đơn vị khác.")
        return IngestResult(existing.report, existing, created=False)

    config = config or Config(max_bytes=settings.BAOCAO_MAX_UPLOAD_BYTES)
    if analysis is None:
        analysis = analyse(data, name, config)
    meta = analysis.document.meta
    period = decide_period(meta, period_code, name)
    unit = decide_unit(meta, period, unit_code, name, user)
    if user is not None:
        access.require(user, "upload", unit)
        if status != "draft":
            access.require(user, "review" if status == "reviewed" else "submit", unit)
    storage.store(data)
    try:
        with transaction.atomic():
            result = _store(analysis, data, name, digest, unit, period, actor, user, via, status,
                            indicators or by_code(), prepared)
    except IntegrityError:
        # the same file arrived twice at the same moment: the other one went in
        existing = ReportVersion.objects.select_related("report").filter(sha256=digest).first()
        if existing is None:
            raise
        return IngestResult(existing.report, existing, created=False)
    if store_checks and result.value_ids:
        from baocao.web.findings.storechecks import StoreChecker

        StoreChecker().run(result.value_ids)
    return result


def _store(analysis: Any, data: bytes, name: str, digest: str, unit: Unit, period: Period, actor: Any, user: Any,
           via: str, status: str, indicators: dict[str, Any], prepared: Any = None) -> IngestResult:
    doc = analysis.document
    meta = doc.meta
    doc_type = meta.doc_type if meta.doc_type in dict(DOC_TYPES) else "other"
    report, _ = Report.objects.select_for_update().get_or_create(unit=unit, period=period, doc_type=doc_type)
    previous = report.current
    number = (report.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    now = timezone.now()
    version = ReportVersion.objects.create(
        report=report, number=number, sha256=digest, file_name=name.rsplit("/", 1)[-1][:255], size=len(data),
        source_kind=doc.source.kind if doc.source else "text", document=document_dict(doc),
        uploaded_by=user if getattr(user, "is_authenticated", False) else None, uploaded_via=via,
    )
    if previous is not None:
        previous.superseded_at = now
        previous.save(update_fields=["superseded_at"])
    old_status = report.status
    report.current = version
    report.title = (meta.title or "")[:500]
    report.number = (meta.number or "")[:100]
    report.issued_on = issue_date(meta)
    report.status = status
    if status in ("submitted", "reviewed") and report.submitted_at is None:
        report.submitted_at = now
    report.save()
    facts = facts_from_core(tuple(analysis.facts), version, indicators)
    findings = from_core(tuple(analysis.findings), version)
    outcome, sourced_ids = apply_version(version, actor, facts=facts, indicators=indicators)
    version_stored.send(sender=ReportVersion, version=version, document=doc, analysis=analysis, prepared=prepared)
    record(actor, "report.new_version" if previous else "report.ingest", report,
           old={"version": previous.number, "status": old_status} if previous else None,
           new={"version": number, "sha256": digest, "file": version.file_name, "facts": len(facts),
                "findings": len(findings), "values_created": outcome.created, "values_revised": outcome.revised},
           unit=unit)
    return IngestResult(report, version, created=True, superseded=previous.number if previous else None,
                        facts=len(facts), findings=len(findings), values=outcome, value_ids=list(sourced_ids))


@transaction.atomic
def set_status(report: Report, status: str, actor: Any, comment: str = "") -> Report:
    """draft → submitted → reviewed (and back to draft); the caller checks the role."""
    if status not in dict(STATUSES):
        raise InputError(f"Trạng thái «{status}» không hợp lệ (draft, submitted hoặc reviewed).")
    old = report.status
    now = timezone.now()
    report.status = status
    if status == "submitted" and report.submitted_at is None:
        report.submitted_at = now
    if status == "reviewed":
        report.reviewed_at = now
        report.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    report.save()
    record(actor, "report.status", report, old={"status": old}, new={"status": status}, reason=comment,
           unit=report.unit)
    return report
