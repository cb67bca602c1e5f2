"""Helpers shared by the API routers: resolving query parameters under the access rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest

from baocao.errors import InputError
from baocao.web.accounts import access
from baocao.web.indicators.models import Indicator
from baocao.web.periods.models import Period
from baocao.web.periods.services import core_period
from baocao.web.units.models import Unit

FORMATS = ("json", "csv", "xlsx")


def user_of(request: HttpRequest) -> Any:
    return request.auth if getattr(request, "auth", None) is not None else request.user


def visible_unit(request: HttpRequest, code: str, on: date | None = None) -> Unit:
    """The unit with this code that the user sees (valid on `on` when the code was reused); else 404."""
    units = list(access.visible_units(user_of(request)).filter(code=code.strip()))
    if not units:
        raise Http404(f"Không tìm thấy đơn vị «{code}».")
    if len(units) > 1 and on is not None:
        valid = [u for u in units if u.valid_on(on)]
        units = valid or units
    if len(units) > 1:
        current = [u for u in units if u.valid_to is None]
        units = current or units
    return units[0]


def period_of(code: str) -> Period:
    """A stored period (404 when no report of it was ever stored; 400 when malformed)."""
    canonical = core_period(code).code
    period = Period.objects.filter(code=canonical).first()
    if period is None:
        raise Http404(f"Chưa có số liệu kỳ {canonical}.")
    return period


def indicator_of(code: str) -> Indicator:
    ind = Indicator.objects.filter(code=code.strip()).first()
    if ind is None:
        raise Http404(f"Không có chỉ tiêu «{code}» trong danh mục.")
    return ind


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InputError(f"Định dạng «{fmt}» không hỗ trợ (json, csv hoặc xlsx).")
    return fmt
