"""Period codes → stored periods with their data window; due dates per level."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from baocao.errors import InputError
from baocao.parse.model import Period as CorePeriod
from baocao.text.periods import months_of, parse_code
from baocao.web.periods.models import Period

# Defaults when no rule is configured: day of the period's last month (a province sets its own
# in the admin, e.g. Lạng Sơn's Quyết định 52/2025/QĐ-UBND). Province: the 25th (report to the
# Government); district and commune: a few days after the 14th cut-off so the level above can
# compile its own report.
DEFAULT_DUE_DAY = {"province": 25, "district": 20, "commune": 18}

LABELS = {
    "month": "Tháng {month}/{year}",
    "quarter": "Quý {quarter}/{year}",
    "half_year": "6 tháng {half_word} năm {year}",
    "nine_months": "9 tháng năm {year}",
    "year": "Năm {year}",
    "months_to_date": "{month} tháng năm {year}",
}


def core_period(code: str) -> CorePeriod:
    try:
        return parse_code(code)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def data_window(p: CorePeriod) -> tuple[date, date]:
    """Decree 09/2019: from the 15th of the month before the first month to the 14th of the last."""
    months = months_of(p)
    (y0, m0), (y1, m1) = months[0], months[-1]
    start = date(y0 - 1, 12, 15) if m0 == 1 else date(y0, m0 - 1, 15)
    return start, date(y1, m1, 14)


def label_of(p: CorePeriod) -> str:
    return LABELS[p.kind].format(month=p.month, year=p.year, quarter=p.quarter,
                                 half_word="đầu" if p.half == 1 else "cuối")


def ensure_period(code: str) -> Period:
    """The stored period for a code, created on first use; InputError for a malformed code."""
    p = core_period(code)
    canonical = p.code
    found = Period.objects.filter(code=canonical).first()
    if found:
        return found
    months = months_of(p)
    start, end = data_window(p)
    period, _ = Period.objects.get_or_create(
        code=canonical,
        defaults=dict(kind=p.kind, year=p.year, month=p.month, quarter=p.quarter, half=p.half,
                      first_month=months[0][1], last_month=months[-1][1], window_start=start, window_end=end,
                      label=label_of(p)),
    )
    return period


def get_period(code: str) -> Period | None:
    """A stored period by code (None when no report of that period was ever stored)."""
    return Period.objects.filter(code=core_period(code).code).first()


def as_core(period: Period) -> CorePeriod:
    return parse_code(period.code)


def month_codes(start: str, end: str) -> list[str]:
    """All month codes from `start` to `end` inclusive (codes of any kind: their last months)."""
    a, b = core_period(start), core_period(end)
    ya, ma = months_of(a)[0]
    yb, mb = months_of(b)[-1]
    out = []
    y, m = ya, ma
    while (y, m) <= (yb, mb):
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def due_rules(province_id: int | None = None) -> list[Any]:
    """The due-date rules that apply under a province (its own and the national defaults), for
    callers that ask `due_date` many times (one query instead of two per call)."""
    from django.db.models import Q

    from baocao.web.periods.models import DueRule

    return list(DueRule.objects.filter(Q(scope__isnull=True) | Q(scope_id=province_id or -1)))


def due_date(level: str, period: Period, province_id: int | None = None, rules: list[Any] | None = None) -> date:
    """When a report of a `level` unit for `period` is due under the province's rules (`rules`:
    preloaded by `due_rules(province_id)`)."""
    from baocao.web.periods.models import DueRule

    if rules is None:
        rules = list(DueRule.objects.filter(level=level, scope_id__in=[x for x in (province_id,) if x] or [-1]))
        rules += list(DueRule.objects.filter(level=level, scope__isnull=True))
    else:
        rules = [r for r in rules if r.level == level and (r.scope_id is None or r.scope_id == province_id)]

    def rank(rule: DueRule) -> tuple[int, int]:
        return (0 if rule.scope_id else 1, 0 if rule.period_kind == period.kind else 1)

    matching = sorted((r for r in rules if r.period_kind in ("", period.kind)), key=rank)
    day, offset = (matching[0].day, matching[0].month_offset) if matching else (DEFAULT_DUE_DAY[level], 0)
    y, m = period.year, period.last_month + offset
    while m > 12:
        y, m = y + 1, m - 12
    return date(y, m, min(day, calendar.monthrange(y, m)[1]))
