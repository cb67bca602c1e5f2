"""API: periods with their data window and due dates."""


from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from baocao.web.accounts.access import membership
from baocao.web.apiutil import period_of, user_of
from baocao.web.periods.models import Period
from baocao.web.periods.services import due_date

router = Router()


class PeriodOut(Schema):
    code: str
    kind: str
    label: str
    year: int
    first_month: int
    last_month: int
    window_start: date
    window_end: date


class PeriodDetail(PeriodOut):
    due: dict[str, date]


@router.get("", response=list[PeriodOut], summary="Các kỳ đã có báo cáo")
def list_periods(request: HttpRequest, kind: str | None = None, year: int | None = None):
    qs = Period.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(year=year)
    return list(qs.order_by("window_end", "kind"))


@router.get("/{code}", response=PeriodDetail, summary="Một kỳ: khoảng số liệu và hạn gửi theo cấp")
def period_detail(request: HttpRequest, code: str):
    period = period_of(code)
    m = membership(user_of(request))
    province = m.unit.province() if m else None
    due = {level: due_date(level, period, province.pk if province else None)
           for level in ("province", "district", "commune")}
    return {**PeriodOut.from_orm(period).model_dump(), "due": due}
