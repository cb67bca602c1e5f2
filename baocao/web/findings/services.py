"""Findings: stored from the core's checks, written by the store's checks, moved between states."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from baocao.errors import InputError
from baocao.web.findings.models import STATES, Finding

# who may move a finding to a state (see accounts.access.ACTIONS)
STATE_ACTION = {"fixed": "fix_finding", "accepted": "review", "open": "review"}


def from_core(findings: tuple[Any, ...], version: Any) -> list[Finding]:
    """Rows for the core's `baocao.check.model.Finding`s of one report version."""
    report = version.report
    rows = []
    for f in findings:
        rows.append(Finding(
            report=report, version=version, unit_id=report.unit_id, period_id=report.period_id, source="check",
            code=f.code[:60], rule=(f.rule or "")[:60], severity=f.severity if f.severity in ("error", "warning", "info")
            else "warning", message=f.message, evidence=[asdict(e) for e in f.evidence],
            suggestion=f.suggestion or "", expected=f.expected, actual=f.actual, section=f.section or "",
        ))
    return Finding.objects.bulk_create(rows, batch_size=500)


def upsert_store_finding(value: Any, version: Any, code: str, severity: str, message: str, *,
                         expected: float | None = None, actual: float | None = None,
                         evidence: list[dict[str, Any]] | None = None, rule: str = "") -> Finding:
    """One store finding per (value, code): refreshed when the check runs again, its state kept."""
    report = version.report
    found = Finding.objects.filter(value=value, code=code).first()
    fields = dict(report=report, version=version, unit_id=value.unit_id, period_id=value.period_id, source="store",
                  severity=severity, message=message, expected=expected, actual=actual,
                  evidence=evidence or [], rule=rule or code)
    if found is None:
        return Finding.objects.create(value=value, code=code, **fields)
    for k, v in fields.items():
        setattr(found, k, v)
    found.save()
    return found


def clear_store_finding(value: Any, code: str) -> None:
    """The check no longer fires: drop its open finding (a handled one stays, with its comment)."""
    Finding.objects.filter(value=value, code=code, state="open").delete()


@transaction.atomic
def change_state(finding: Finding, state: str, comment: str, actor: Any) -> Finding:
    from baocao.web.audit.services import record

    if state not in dict(STATES):
        raise InputError(f"Trạng thái «{state}» không hợp lệ (open, fixed hoặc accepted).")
    comment = (comment or "").strip()
    if state == "accepted" and not comment:
        raise InputError("Chấp nhận một phát hiện là đúng cần có ghi chú giải thích.")
    old = {"state": finding.state, "comment": finding.comment}
    finding.state = state
    finding.comment = comment or finding.comment
    finding.state_changed_by = actor if getattr(actor, "is_authenticated", False) else None
    finding.state_changed_at = timezone.now()
    finding.save()
    record(actor, "finding.state", finding, old=old, new={"state": state, "comment": finding.comment},
           reason=comment, unit=finding.unit)
    return finding
