"""API: indicator catalogue, values (series, ranking, children, rollups, tables), facts."""


from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from baocao.web.accounts import access
from baocao.web.apiutil import check_format, indicator_of, period_of, user_of, visible_unit
from baocao.web.indicators import export, queries
from baocao.web.indicators.models import Fact, Indicator, IndicatorValue
from baocao.web.indicators.rollup import over_time, rollup
from baocao.web.indicators.services import correct_value, set_fact_status, value_history

router = Router()
values_router = Router()
facts_router = Router()
MAX_EXPORT_ROWS = 200_000


class IndicatorOut(Schema):
    code: str
    name: str
    sector: str
    dimension: str
    unit: str
    display_unit: str
    aggregate_units: str
    aggregate_time: str
    ratio_numerator: str
    ratio_denominator: str
    levels: list[str]
    key: bool
    active: bool


class FactOut(Schema):
    id: int
    fact_id: str
    period: str
    value: float
    dimension: str
    unit: str
    raw: str
    sentence: str
    paragraph: str
    footnote: int | None
    start: int
    end: int
    subject: str
    scope: str
    estimate: bool
    qualifiers: dict[str, Any]
    relations: list[dict[str, Any]]
    indicator: str | None
    indicator_confidence: float
    decimals: int
    role: str
    status: str

    @staticmethod
    def resolve_period(obj: Fact) -> str:
        return obj.period.code

    @staticmethod
    def resolve_unit(obj: Fact) -> str:
        return obj.base_unit

    @staticmethod
    def resolve_indicator(obj: Fact) -> str | None:
        return obj.indicator.code if obj.indicator_id else (obj.indicator_code or None)


class PointOut(Schema):
    unit: str
    unit_name: str
    period: str
    value: float | None
    display_value: float | None
    source: str
    complete: bool
    estimate: bool
    corrected: bool
    value_id: int | None
    parts: list[tuple[str, float, float | None]]


class TableOut(Schema):
    indicator: IndicatorOut
    scope: str
    points: list[PointOut]


class RollupOut(Schema):
    indicator: IndicatorOut
    unit: str
    period: str
    scope: str
    rule: str
    value: float | None
    display_value: float | None
    reported: float | None
    complete: bool
    expected: int
    present: int
    missing: list[str]
    source: str
    parts: list[PointOut]


class ValueBase(Schema):
    id: int
    unit: str
    unit_name: str
    period: str
    indicator: str
    scope: str
    value: float
    reported_value: float | None
    display_value: float | None
    display_unit: str
    estimate: bool
    corrected: bool
    correction_reason: str
    report_id: int | None
    fact_id: int | None
    updated_at: datetime


class ValueOut(ValueBase):
    @staticmethod
    def resolve_unit(obj: IndicatorValue) -> str:
        return obj.unit.code

    @staticmethod
    def resolve_unit_name(obj: IndicatorValue) -> str:
        return obj.unit.full_name

    @staticmethod
    def resolve_period(obj: IndicatorValue) -> str:
        return obj.period.code

    @staticmethod
    def resolve_indicator(obj: IndicatorValue) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_display_value(obj: IndicatorValue) -> float | None:
        return export.to_display(obj.value, obj.indicator.display_unit)

    @staticmethod
    def resolve_display_unit(obj: IndicatorValue) -> str:
        return obj.indicator.display_unit

    @staticmethod
    def resolve_report_id(obj: IndicatorValue) -> int | None:
        return obj.source_report_id

    @staticmethod
    def resolve_fact_id(obj: IndicatorValue) -> int | None:
        return obj.source_fact_id


class ValuePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ValueOut]


class HistoryEntry(Schema):
    at: datetime
    who: str
    action: str
    old: Any
    new: Any
    reason: str


class RevisionOut(Schema):
    kind: str
    old_value: float | None
    new_value: float | None
    old_estimate: bool
    at: datetime


class ValueDetail(ValueBase):
    source_fact: FactOut | None
    revisions: list[RevisionOut]
    history: list[HistoryEntry]


class CorrectionIn(Schema):
    value: float
    reason: str


class FactStatusIn(Schema):
    status: str
    reason: str = ""


# -- catalogue ---------------------------------------------------------------------------------
@router.get("", response=list[IndicatorOut], summary="Danh mục chỉ tiêu")
def list_indicators(request: HttpRequest, sector: str | None = None, key: bool | None = None, q: str | None = None):
    qs = Indicator.objects.filter(active=True)
    if sector:
        qs = qs.filter(sector=sector)
    if key is not None:
        qs = qs.filter(key=key)
    if q:
        qs = qs.filter(name__icontains=q) | qs.filter(code__icontains=q)
    return list(qs.order_by("sector", "code"))


@router.get("/{code}", response=IndicatorOut, summary="Một chỉ tiêu")
def indicator_detail(request: HttpRequest, code: str):
    return indicator_of(code)


# -- value tables --------------------------------------------------------------------------------
def _points(ind: Indicator, points: list[queries.Point]) -> list[dict[str, Any]]:
    return [{**p.__dict__, "parts": list(p.parts), "display_value": export.to_display(p.value, ind.display_unit)}
            for p in points]


def _answer(ind: Indicator, scope: str, points: list[queries.Point], fmt: str, title: str, filename: str) -> Any:
    if check_format(fmt) != "json":
        rows = [export.row(ind, scope, p) for p in points]
        return export.response(export.Table(title, rows), fmt, filename)
    return {"indicator": ind, "scope": scope, "points": _points(ind, points)}


@values_router.get("", response=ValuePage, summary="Bảng giá trị chỉ tiêu (lọc, phân trang; format=csv|xlsx)")
def list_values(request: HttpRequest, indicator: str | None = None, unit: str | None = None,
                under: str | None = None, period: str | None = None, kind: str | None = None,
                start: str | None = Query(None, alias="from"), end: str | None = Query(None, alias="to"),
                scope: str | None = None, fmt: str = "json",
                limit: int = 100, offset: int = 0):
    qs = access.filter_visible(IndicatorValue.objects.select_related("unit", "period", "indicator"), user_of(request))
    if indicator:
        qs = qs.filter(indicator=indicator_of(indicator))
    if unit:
        qs = qs.filter(unit=visible_unit(request, unit))
    if under:
        qs = qs.filter(unit__path__startswith=visible_unit(request, under).path)
    if period:
        qs = qs.filter(period=period_of(period))
    if kind:
        qs = qs.filter(period__kind=kind)
    if start:
        qs = qs.filter(period__window_end__gte=queries.window_end(start))
    if end:
        qs = qs.filter(period__window_end__lte=queries.window_end(end))
    if scope:
        qs = qs.filter(scope=scope)
    qs = qs.order_by("indicator__code", "unit__code", "period__window_end", "scope")
    if check_format(fmt) != "json":
        rows = [export.row(v.indicator, v.scope, queries.Point(v.period.code, v.value, "reported", True, v.estimate,
                                                                v.corrected, v.pk, v.unit.code, v.unit.full_name))
                for v in qs[:MAX_EXPORT_ROWS]]
        return export.response(export.Table("Bảng giá trị chỉ tiêu", rows), fmt, "gia-tri-chi-tieu")
    limit = max(1, min(limit, 1000))
    offset = max(0, offset)
    return {"count": qs.count(), "limit": limit, "offset": offset, "items": list(qs[offset: offset + limit])}


@values_router.get("/series", response=TableOut, summary="Chuỗi thời gian của một đơn vị (theo kế thừa)")
def value_series(request: HttpRequest, indicator: str, unit: str, start: str | None = Query(None, alias="from"),
                 end: str | None = Query(None, alias="to"),
                 scope: str = "period", kind: str = "month", lineage: bool = True, fmt: str = "json"):
    ind = indicator_of(indicator)
    u = visible_unit(request, unit)
    points = queries.series(ind, u, start, end, scope, kind, lineage)
    points = [queries.Point(**{**p.__dict__, "unit_name": u.full_name}) for p in points]
    return _answer(ind, scope, points, fmt, f"{ind.name} — {u.full_name}", f"chuoi-{ind.code}-{u.code}")


@values_router.get("/ranking", response=TableOut, summary="Xếp hạng các đơn vị trong một kỳ")
def value_ranking(request: HttpRequest, indicator: str, period: str, scope: str = "period",
                  parent: str | None = None, level: str | None = "commune", fmt: str = "json"):
    ind = indicator_of(indicator)
    p = period_of(period)
    parent_unit = visible_unit(request, parent, p.window_end) if parent else None
    points = queries.ranking(ind, p, user_of(request), scope, parent_unit, level or None)
    return _answer(ind, scope, points, fmt, f"{ind.name} — {p.label}", f"xep-hang-{ind.code}-{p.code}")


@values_router.get("/children", response=TableOut, summary="Các đơn vị trực thuộc trong một kỳ")
def value_children(request: HttpRequest, indicator: str, unit: str, period: str, scope: str = "period",
                   fmt: str = "json"):
    ind = indicator_of(indicator)
    p = period_of(period)
    u = visible_unit(request, unit, p.window_end)
    points = queries.children_values(ind, u, p, scope)
    return _answer(ind, scope, points, fmt, f"{ind.name} — {u.full_name} — {p.label}",
                   f"truc-thuoc-{ind.code}-{u.code}-{p.code}")


def _rollup_answer(ind: Indicator, r: Any, fmt: str, title: str, filename: str) -> Any:
    if check_format(fmt) != "json":
        total = queries.Point(r.period, r.value, r.source, r.complete, unit=r.unit, unit_name="Tổng hợp")
        rows = [export.row(ind, r.scope, p) for p in r.parts] + [export.row(ind, r.scope, total)]
        return export.response(export.Table(title, rows), fmt, filename)
    return {**r.__dict__, "indicator": ind, "missing": list(r.missing), "parts": _points(ind, list(r.parts)),
            "display_value": export.to_display(r.value, ind.display_unit)}


@values_router.get("/rollup", response=RollupOut, summary="Tổng hợp theo cây đơn vị (theo quy tắc của chỉ tiêu)")
def value_rollup(request: HttpRequest, indicator: str, unit: str, period: str, scope: str = "period",
                 fmt: str = "json"):
    ind = indicator_of(indicator)
    p = period_of(period)
    u = visible_unit(request, unit, p.window_end)
    return _rollup_answer(ind, rollup(ind, u, p, scope), fmt, f"{ind.name} — tổng hợp {u.full_name} — {p.label}",
                          f"tong-hop-{ind.code}-{u.code}-{p.code}")


@values_router.get("/over-time", response=RollupOut, summary="Tổng hợp theo thời gian (quý, 6 tháng, năm…)")
def value_over_time(request: HttpRequest, indicator: str, unit: str, period: str, fmt: str = "json"):
    from baocao.web.periods.services import ensure_period

    ind = indicator_of(indicator)
    p = ensure_period(period)
    u = visible_unit(request, unit, p.window_end)
    return _rollup_answer(ind, over_time(ind, u, p), fmt, f"{ind.name} — {u.full_name} — {p.label}",
                          f"theo-ky-{ind.code}-{u.code}-{p.code}")


def _value(request: HttpRequest, value_id: int) -> IndicatorValue:
    qs = IndicatorValue.objects.select_related("unit", "period", "indicator", "source_fact__period",
                                               "source_fact__indicator")
    return access.get_visible(qs, user_of(request), pk=value_id)


@values_router.get("/{int:value_id}", response=ValueDetail, summary="Một giá trị: nguồn, hiệu chỉnh, lịch sử")
def value_detail(request: HttpRequest, value_id: int):
    v = _value(request, value_id)
    hist = value_history(v)
    return {**ValueOut.from_orm(v).model_dump(), "source_fact": v.source_fact, "revisions": hist["revisions"],
            "history": [{"at": e.at, "who": e.actor_label, "action": e.action, "old": e.old, "new": e.new,
                         "reason": e.reason} for e in hist["audit"]]}


@values_router.patch("/{int:value_id}", response=ValueOut, summary="Hiệu chỉnh giá trị (người kiểm duyệt; giữ số gốc)")
def value_correct(request: HttpRequest, value_id: int, payload: CorrectionIn):
    user = user_of(request)
    v = _value(request, value_id)
    access.require(user, "correct", v.unit)
    return correct_value(v, payload.value, payload.reason, user)


# -- facts -------------------------------------------------------------------------------------
@facts_router.get("/{int:fact_id}", response=FactOut, summary="Một số liệu trích xuất")
def fact_detail(request: HttpRequest, fact_id: int):
    return access.get_visible(Fact.objects.select_related("period", "indicator"), user_of(request), pk=fact_id)


@facts_router.patch("/{int:fact_id}", response=FactOut, summary="Nhận hoặc loại một số liệu (người kiểm duyệt)")
def fact_status(request: HttpRequest, fact_id: int, payload: FactStatusIn):
    user = user_of(request)
    fact = access.get_visible(Fact.objects.select_related("period", "indicator", "version", "unit"), user, pk=fact_id)
    access.require(user, "review", fact.unit)
    return set_fact_status(fact, payload.status, payload.reason, user)
