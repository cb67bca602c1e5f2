"""Writing the audit trail: `record(actor, action, obj, old=…, new=…, reason=…)`."""

from __future__ import annotations

from typing import Any

from django.db import models

from baocao.web.audit.models import AuditEntry


def actor_parts(actor: Any) -> tuple[Any, str]:
    """(user or None, label) for a user object or a plain label such as "cli"."""
    if actor is None:
        return None, "system"
    if isinstance(actor, str):
        return None, actor
    if getattr(actor, "is_authenticated", False):
        return actor, actor.get_username()
    return None, "anonymous"


def record(actor: Any, action: str, obj: models.Model, *, old: Any = None, new: Any = None, reason: str = "",
           unit: Any = None) -> AuditEntry:
    user, label = actor_parts(actor)
    return AuditEntry.objects.create(
        actor=user,
        actor_label=label,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        unit=unit,
        old=old,
        new=new,
        reason=reason,
    )


def history(obj: models.Model) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("at", "id"))
