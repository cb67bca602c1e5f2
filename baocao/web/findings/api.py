"""API: findings (list with filters, detail, change of state)."""


from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from baocao.web.accounts import access
from baocao.web.apiutil import period_of, user_of, visible_unit
from baocao.web.findings.models import Finding
from baocao.web.findings.services import STATE_ACTION, change_state

router = Router()


class FindingOut(Schema):
    id: int
    report_id: int
    version: int
    unit: str
    period: str
    source: str
    code: str
    rule: str
    severity: str
    message: str
    evidence: list[dict[str, Any]]
    suggestion: str
    expected: float | None
    actual: float | None
    section: str
    value_id: int | None
    state: str
    comment: str
    state_changed_by: str | None
    state_changed_at: datetime | None

    @staticmethod
    def resolve_version(obj: Finding) -> int:
        return obj.version.number

    @staticmethod
    def resolve_unit(obj: Finding) -> str:
        return obj.unit.code

    @staticmethod
    def resolve_period(obj: Finding) -> str:
        return obj.period.code

    @staticmethod
    def resolve_state_changed_by(obj: Finding) -> str | None:
        return obj.state_changed_by.get_username() if obj.state_changed_by else None


class StateIn(Schema):
    state: str
    comment: str = ""


def findings_queryset() -> Any:
    return Finding.objects.select_related("version", "unit", "period", "state_changed_by")


@router.get("", response=list[FindingOut], summary="Danh sách phát hiện")
@paginate
def list_findings(request: HttpRequest, unit: str | None = None, under: str | None = None,
                  period: str | None = None, state: str | None = None, severity: str | None = None,
                  source: str | None = None, report: int | None = None, code: str | None = None,
                  all_versions: bool = False):
    user = user_of(request)
    qs = access.filter_visible(findings_queryset(), user)
    if not all_versions:
        qs = qs.filter(version__superseded_at__isnull=True)
    if unit:
        qs = qs.filter(unit=visible_unit(request, unit))
    if under:
        qs = qs.filter(unit__path__startswith=visible_unit(request, under).path)
    if period:
        qs = qs.filter(period=period_of(period))
    for name, value in (("state", state), ("severity", severity), ("source", source), ("report_id", report),
                        ("code", code)):
        if value:
            qs = qs.filter(**{name: value})
    return qs.order_by("-period__window_end", "unit__code", "id")


@router.get("/{int:finding_id}", response=FindingOut, summary="Một phát hiện")
def finding_detail(request: HttpRequest, finding_id: int):
    return access.get_visible(findings_queryset(), user_of(request), pk=finding_id)


@router.patch("/{int:finding_id}", response=FindingOut, summary="Đổi trạng thái phát hiện (open, fixed, accepted)")
def finding_state(request: HttpRequest, finding_id: int, payload: StateIn):
    user = user_of(request)
    finding = access.get_visible(findings_queryset(), user, pk=finding_id)
    access.require(user, STATE_ACTION.get(payload.state, "review"), finding.unit)
    return change_state(finding, payload.state, payload.comment, user)
