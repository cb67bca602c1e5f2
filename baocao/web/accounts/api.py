"""API: who am I (unit, role, what I may do)."""


from django.http import HttpRequest
from ninja import Router, Schema

from baocao.web.accounts import access
from baocao.web.apiutil import user_of

router = Router()


class MeOut(Schema):
    username: str
    unit: str | None
    unit_name: str | None
    role: str | None
    can: dict[str, bool]


@router.get("", response=MeOut, summary="Người dùng hiện tại")
def me(request: HttpRequest):
    user = user_of(request)
    m = access.membership(user)
    unit = m.unit if m else None
    return {"username": user.get_username(), "unit": unit.code if unit else None,
            "unit_name": unit.full_name if unit else None, "role": access.role_of(user),
            "can": {a: bool(unit and access.can(user, a, unit)) for a in access.ACTIONS}}
