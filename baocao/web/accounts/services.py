"""Creating users with a unit and role, and issuing API tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from baocao.errors import InputError
from baocao.web.accounts.models import ROLE_RANK, ApiToken, Membership
from baocao.web.units.models import Unit

TOKEN_PREFIX = "bc_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(user: Any, name: str = "api") -> str:
    """A new token for `user`; only its hash is stored, so this is the one time it is seen."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, prefix=token[:10], key_hash=hash_token(token))
    return token


def user_for_token(token: str) -> Any:
    found = (ApiToken.objects.select_related("user", "user__membership__unit")
             .filter(key_hash=hash_token(token.strip()), revoked=False).first())
    if found is None or not found.user.is_active:
        return None
    now = timezone.now()
    if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
    return found.user


@dataclass(frozen=True)
class NewUser:
    user: Any
    password: str | None
    token: str
    created: bool


@transaction.atomic
def add_user(username: str, unit: Unit, role: str, password: str | None = None, actor: Any = "cli",
             staff: bool = False) -> NewUser:
    """Create (or update the unit and role of) a user and issue a fresh API token."""
    from baocao.web.audit.services import record

    if role not in ROLE_RANK:
        raise InputError(f"Vai trò «{role}» không hợp lệ (viewer, editor, reviewer hoặc admin).")
    username = username.strip()
    if not username or len(username) > 150 or any(ch.isspace() for ch in username):
        raise InputError(f"Tên người dùng «{username}» không hợp lệ (không để trống, không có dấu cách).")
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    if created or password:
        password = password or secrets.token_urlsafe(9)
        user.set_password(password)
    if staff or role == "admin":
        user.is_staff = True
    user.save()
    old = None
    m = Membership.objects.filter(user=user).first()
    if m is None:
        m = Membership.objects.create(user=user, unit=unit, role=role)
    else:
        old = {"unit": m.unit.code, "role": m.role}
        m.unit, m.role = unit, role
        m.save()
    record(actor, "user.create" if created else "user.update", m, old=old,
           new={"unit": unit.code, "role": role}, unit=unit)
    return NewUser(user=user, password=password if (created or password) else None, token=issue_token(user),
                   created=created)
