"""Facts from the core, reviewer corrections of values, accepting or rejecting facts."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from baocao.errors import InputError
from baocao.text.periods import previous_period
from baocao.web.audit.services import record
from baocao.web.dbutil import fast_insert
from baocao.web.indicators.derive import FactRow, load_rows
from baocao.web.indicators.models import Fact, Indicator, IndicatorValue, ValueRevision
from baocao.web.periods.models import Period
from baocao.web.periods.services import as_core, ensure_period


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def attributed_period(fact: Any, report_period: Period, cache: dict[str, Period]) -> Period:
    """The period a figure speaks of: the report's, unless its cut-off date (as of, or the end of
    its date range) falls before the report's data window and inside the previous period's —
    then it restates the previous period (typically the actual figure behind last report's
    estimate)."""
    explicit = getattr(fact.qualifiers, "period", None)  # forward compatible: an explicit period code
    if explicit:
        if explicit not in cache:
            cache[explicit] = ensure_period(explicit)
        return cache[explicit]
    q = fact.qualifiers
    cut = _day(q.as_of) or _day(q.date_range[1] if q.date_range else None)
    if cut is None or cut >= report_period.window_start or report_period.kind == "months_to_date":
        return report_period
    prev_code = previous_period(as_core(report_period)).code
    if prev_code not in cache:
        cache[prev_code] = ensure_period(prev_code)
    prev = cache[prev_code]
    return prev if prev.window_start <= cut <= prev.window_end else report_period


def plain(flat: Any) -> dict[str, Any]:
    """A flat frozen dataclass (Qualifiers, Relation) as a dict, without asdict's deep copies."""
    return {name: getattr(flat, name) for name in flat.__dataclass_fields__}


def facts_from_core(facts: tuple[Any, ...], version: Any, indicators: dict[str, Indicator]) -> list[FactRow]:
    """Store the core's `baocao.extract.model.Fact`s of one report version; the rows derive uses."""
    report = version.report
    threshold = settings.BAOCAO_ACCEPT_CONFIDENCE
    cache: dict[str, Period] = {}
    rows = []
    for f in facts:
        ind = indicators.get(f.indicator or "")
        q = f.qualifiers
        rows.append(dict(
            version_id=version.pk, report_id=report.pk, unit_id=report.unit_id,
            period_id=attributed_period(f, report.period, cache).pk, fact_id=str(f.id)[:40], value=float(f.value),
            dimension=f.dimension, base_unit=f.unit[:40], raw=f.raw[:100], sentence=f.sentence,
            paragraph=f.paragraph or "", footnote=f.footnote, start=f.start, end=f.end, subject=(f.subject or "")[:300],
            scope=q.scope, estimate=bool(q.estimate), qualifiers=plain(q),
            relations=[plain(r) for r in f.relations], indicator_id=ind.pk if ind else None,
            indicator_code=(f.indicator or "")[:80], indicator_confidence=float(f.indicator_confidence),
            decimals=int(f.decimals), role=f.role or "",
            status="accepted" if ind is not None and f.indicator_confidence >= threshold else "pending",
        ))
    fast_insert(Fact, rows)
    return load_rows(version)


@transaction.atomic
def correct_value(value: IndicatorValue, new_value: float, reason: str, actor: Any) -> IndicatorValue:
    """A reviewer's correction: the effective value changes, the reported one stays visible."""
    reason = (reason or "").strip()
    if not reason:
        raise InputError("Hiệu chỉnh số liệu cần ghi rõ lý do.")
    old = {"value": value.value, "corrected": value.corrected, "reason": value.correction_reason}
    value.value = float(new_value)
    value.corrected = value.reported_value is None or value.value != value.reported_value
    value.corrected_by = actor if getattr(actor, "is_authenticated", False) else None
    value.corrected_at = timezone.now()
    value.correction_reason = reason
    value.save()
    record(actor, "value.correct", value, old=old, new={"value": value.value, "corrected": value.corrected},
           reason=reason, unit=value.unit)
    return value


@transaction.atomic
def set_fact_status(fact: Fact, status: str, reason: str, actor: Any) -> Fact:
    """Accept or reject a fact; the values of its report version follow."""
    from baocao.web.indicators.derive import apply_version

    if status not in ("accepted", "rejected", "pending"):
        raise InputError(f"Trạng thái «{status}» không hợp lệ (accepted, rejected hoặc pending).")
    if status == "accepted" and fact.indicator is None:
        raise InputError("Số liệu chưa được gán chỉ tiêu nên không thể nhận.")
    old = fact.status
    fact.status = status
    fact.save(update_fields=["status"])
    record(actor, "fact.status", fact, old={"status": old}, new={"status": status}, reason=reason, unit=fact.unit)
    if fact.version.superseded_at is None:
        apply_version(fact.version, actor)
    return fact


def value_history(value: IndicatorValue) -> dict[str, Any]:
    """Everything that happened to a value: revisions between sources and the audit entries."""
    from baocao.web.audit.services import history

    return {
        "revisions": list(ValueRevision.objects.filter(value=value).order_by("at", "id")),
        "audit": history(value),
    }
