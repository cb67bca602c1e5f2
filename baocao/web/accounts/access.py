"""Who sees and changes what: the one place querysets are filtered by user.

A user sees the unit they belong to, every unit under it (at any time), and the units it
was formed from (lineage, transitively) with everything under those — a merged ward keeps
seeing its predecessors' reports. Superusers see everything. What a user may change
depends on the role: see ACTIONS.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from django.http import Http404

from baocao.web.accounts.models import ROLE_RANK, ROLES
from baocao.web.units.models import Unit

# action → the lowest role allowed to do it (on a unit the user sees)
ACTIONS = {
    "view": "viewer",
    "upload": "editor",  # ingest a report or a new version
    "submit": "editor",  # draft → submitted
    "fix_finding": "editor",  # mark a finding fixed
    "review": "reviewer",  # mark reviewed, accept findings, accept/reject facts
    "correct": "reviewer",  # correct an indicator value
    "admin": "admin",  # users, units, catalogue, due dates
}


def membership(user: Any) -> Any:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.membership
    except ObjectDoesNotExist:  # a user without a unit sees nothing
        return None


def _root_units(user: Any) -> list[Unit]:
    """The user's unit and, transitively, the units it was formed from."""
    from baocao.web.units.services import predecessors

    m = membership(user)
    if m is None:
        return []
    roots = [m.unit]
    roots += [pred for pred, _, _ in predecessors(m.unit, transitive=True)]
    return roots


def visible_units(user: Any) -> QuerySet[Unit]:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    cached = getattr(user, "_baocao_visible_q", None)
    if cached is None:
        roots = _root_units(user)
        if not roots:
            return Unit.objects.none()
        cached = Q()
        for root in roots:
            cached |= Q(path__startswith=root.path)
        user._baocao_visible_q = cached
    return Unit.objects.filter(cached)


def visible_unit_ids(user: Any) -> QuerySet[Any]:
    return visible_units(user).values("pk")


def can_see(user: Any, unit: Unit) -> bool:
    return visible_units(user).filter(pk=unit.pk).exists()


def role_of(user: Any) -> str | None:
    if getattr(user, "is_superuser", False):
        return "admin"
    m = membership(user)
    return m.role if m else None


def can(user: Any, action: str, unit: Unit) -> bool:
    role = role_of(user)
    if role is None or ROLE_RANK[role] < ROLE_RANK[ACTIONS[action]]:
        return False
    return can_see(user, unit)


def filter_visible(qs: QuerySet[Any], user: Any, field: str = "unit") -> QuerySet[Any]:
    """`qs` limited to rows whose `field` (a unit foreign key) is visible to `user`."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return qs
    return qs.filter(**{f"{field}__in": visible_unit_ids(user)})


def get_visible(qs: QuerySet[Any], user: Any, field: str = "unit", **lookup: Any) -> Any:
    """One object by id that the user may see, or 404 — never 403, so ids cannot be probed."""
    obj = filter_visible(qs, user, field).filter(**lookup).first()
    if obj is None:
        raise Http404("Không tìm thấy.")
    return obj


class Denied(Exception):
    """The user sees the object but the role does not allow the change (answered 403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def require(user: Any, action: str, unit: Unit) -> None:
    if not can_see(user, unit):
        raise Http404("Không tìm thấy.")
    if not can(user, action, unit):
        needed = dict(ROLES)[ACTIONS[action]]
        raise Denied(f"Vai trò của bạn không được phép thao tác này (cần vai trò «{needed}» trở lên).")
