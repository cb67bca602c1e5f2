"""API: the audit trail of the units a user sees."""


from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from baocao.web.accounts import access
from baocao.web.apiutil import user_of
from baocao.web.audit.models import AuditEntry

router = Router()


class AuditOut(Schema):
    id: int
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    object_repr: str
    unit: str | None
    old: Any
    new: Any
    reason: str

    @staticmethod
    def resolve_actor(obj: AuditEntry) -> str:
        return obj.actor_label

    @staticmethod
    def resolve_unit(obj: AuditEntry) -> str | None:
        return obj.unit.code if obj.unit_id else None


@router.get("", response=list[AuditOut], summary="Nhật ký thay đổi (ai, lúc nào, cũ, mới, lý do)")
@paginate
def list_audit(request: HttpRequest, object_type: str | None = None, object_id: str | None = None,
               action: str | None = None):
    qs = access.filter_visible(AuditEntry.objects.select_related("unit"), user_of(request))
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if action:
        qs = qs.filter(action=action)
    return qs.order_by("-at", "-id")
