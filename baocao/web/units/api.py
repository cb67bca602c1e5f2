"""API: units (list, tree, detail, lineage)."""


import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from baocao.text.normalize import fold
from baocao.web.accounts import access
from baocao.web.apiutil import user_of
from baocao.web.units.models import Unit
from baocao.web.units.services import predecessors, successors

router = Router()


class UnitBase(Schema):
    id: int
    code: str
    name: str
    kind: str
    level: str
    full_name: str
    parent_code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None


class UnitOut(UnitBase):

    @staticmethod
    def resolve_parent_code(obj: Unit) -> str | None:
        return obj.parent.code if obj.parent_id else None


class LinkOut(Schema):
    unit: UnitOut
    share: float
    kind: str
    date: dt.date | None


class UnitDetail(UnitBase):
    children: list[UnitOut]
    predecessors: list[LinkOut]
    successors: list[LinkOut]


class TreeNode(Schema):
    id: int
    code: str
    full_name: str
    level: str
    children: list["TreeNode"]


class LineageOut(Schema):
    unit: UnitOut
    predecessors: list[LinkOut]
    successors: list[LinkOut]


@router.get("", response=list[UnitOut], summary="Danh sách đơn vị")
@paginate
def list_units(request: HttpRequest, parent: str | None = None, level: str | None = None, on: dt.date | None = None,
               q: str | None = None):
    qs = access.visible_units(user_of(request)).select_related("parent").order_by("path")
    if parent:
        qs = qs.filter(parent__code=parent)
    if level:
        qs = qs.filter(level=level)
    if on:
        qs = qs.exclude(valid_from__gt=on).exclude(valid_to__lt=on)
    if q:
        qs = qs.filter(name_folded__contains=fold(q).strip())
    return qs


@router.get("/tree", response=list[TreeNode], summary="Cây đơn vị tại một ngày")
def tree(request: HttpRequest, root: str | None = None, on: dt.date | None = None):
    day = on or dt.date.today()
    units = [u for u in access.visible_units(user_of(request)).order_by("code") if u.valid_on(day)]
    by_parent: dict[int | None, list[Unit]] = {}
    ids = {u.pk for u in units}
    for u in units:
        by_parent.setdefault(u.parent_id if u.parent_id in ids else None, []).append(u)

    def node(u: Unit) -> dict:
        return {"id": u.pk, "code": u.code, "full_name": u.full_name, "level": u.level,
                "children": [node(c) for c in by_parent.get(u.pk, [])]}

    tops = [u for u in units if u.code == root] if root else by_parent.get(None, [])
    return [node(u) for u in tops]


def _links(items: list, user: object) -> list[dict]:
    visible = set(access.visible_units(user).values_list("pk", flat=True))
    return [{"unit": u, "share": share, "kind": link.kind, "date": link.date}
            for u, share, link in items if u.pk in visible]


@router.get("/{int:unit_id}", response=UnitDetail, summary="Một đơn vị")
def unit_detail(request: HttpRequest, unit_id: int):
    user = user_of(request)
    unit = access.get_visible(Unit.objects.select_related("parent"), user, field="pk", pk=unit_id)
    visible = access.visible_units(user)
    return {**UnitOut.from_orm(unit).model_dump(), "children": list(visible.filter(parent=unit).order_by("code")),
            "predecessors": _links(predecessors(unit), user), "successors": _links(successors(unit), user)}


@router.get("/{int:unit_id}/lineage", response=LineageOut, summary="Kế thừa của đơn vị (qua các lần sắp xếp)")
def unit_lineage(request: HttpRequest, unit_id: int):
    user = user_of(request)
    unit = access.get_visible(Unit.objects.all(), user, field="pk", pk=unit_id)
    return {"unit": unit, "predecessors": _links(predecessors(unit, transitive=True), user),
            "successors": _links(successors(unit), user)}
