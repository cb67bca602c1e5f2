"""Template filters of the pages: Vietnamese numbers, labels of codes, period names."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from baocao.web.indicators.display import format_value, vn_number
from baocao.web.ui import labels

register = template.Library()

TABLES = {
    "status": labels.REPORT_STATUS,
    "role": labels.ROLE,
    "severity": labels.SEVERITY,
    "state": labels.FINDING_STATE,
    "scope": labels.SCOPE,
    "level": labels.LEVEL,
    "fact_status": labels.FACT_STATUS,
    "doc_type": labels.DOC_TYPE,
    "source": labels.SOURCE,
    "dimension": labels.DIMENSION,
}


@register.filter
def code_label(code: str | None, table: str) -> str:
    """`{{ report.status|code_label:"status" }}` → "đã gửi"."""
    return labels.label(TABLES[table], code)


@register.filter
def sector_name(code: str) -> str:
    return labels.sector(code)


@register.filter
def vn(value: float | None, decimals: int | None = None) -> str:
    """1809.6 → 1.809,6 (Vietnamese grouping and decimal mark)."""
    return vn_number(value, decimals)


@register.filter
def in_unit(value: float | None, display_unit: str) -> str:
    """A base-unit value shown in an indicator's display unit: 1.8e9, "triệu đồng" → 1.800 triệu đồng."""
    return format_value(value, display_unit)


@register.filter
def signed_pct(value: float | None) -> str:
    """+12,3% / −4,0% (a change in percent)."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{vn_number(abs(value), 1)}%"


@register.filter
def signed_points(value: float | None) -> str:
    """+1,2 điểm % (a change of a rate, in percentage points)."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{vn_number(abs(value), 1)} " + _("điểm %")


def period_name(kind: str, year: int, month: int | None = None, quarter: int | None = None,
                half: int | None = None) -> str:
    if kind == "month":
        return _("Tháng %(month)s/%(year)s") % {"month": month, "year": year}
    if kind == "quarter":
        return _("Quý %(quarter)s/%(year)s") % {"quarter": quarter, "year": year}
    if kind == "half_year":
        return (_("6 tháng đầu năm %(year)s") if half == 1 else _("6 tháng cuối năm %(year)s")) % {"year": year}
    if kind == "nine_months":
        return _("9 tháng năm %(year)s") % {"year": year}
    if kind == "months_to_date":
        return _("%(month)s tháng năm %(year)s") % {"month": month, "year": year}
    return _("Năm %(year)s") % {"year": year}


@register.filter
def code_period_label(code: str) -> str:
    """The name of a period code ("2025-11", "2025-Q3") in the page's language."""
    from baocao.web.periods.services import core_period

    p = core_period(code)
    return period_name(p.kind, p.year, p.month, p.quarter, p.half)


@register.filter
def period_label(period: Any) -> str:
    """The name of a stored period in the page's language."""
    if period is None:
        return ""
    month = period.last_month if period.kind == "months_to_date" else period.month
    return period_name(period.kind, period.year, month, period.quarter, period.half)


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def make_list_of_words(text: str) -> list[str]:
    """"a b c" → ["a", "b", "c"] (option lists written in a template)."""
    return text.split()
