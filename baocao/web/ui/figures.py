"""Figures for people: a value in a readable unit, and the hover card of an extracted figure."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from baocao.web.indicators.display import MULTIPLIERS, vn_number
from baocao.web.ui.labels import BASE_UNIT, FACT_STATUS, SCOPE, label

# base unit → (threshold, multiplier, unit shown), largest first
READABLE = {
    "VND": ((1e9, 1e9, "tỷ đồng"), (1e6, 1e6, "triệu đồng"), (0, 1, "đồng")),
    "USD": ((1e6, 1e6, "triệu USD"), (0, 1, "USD")),
    "m2": ((1e4, 1e4, "ha"), (0, 1, "m²")),
    "kg": ((1e6, 1e6, "nghìn tấn"), (1e3, 1e3, "tấn"), (0, 1, "kg")),
    "kWh": ((1e6, 1e6, "triệu kWh"), (0, 1, "kWh")),
}


def scale_for(value: float, base_unit: str, display_unit: str | None = None) -> tuple[float, str]:
    """(multiplier, unit label) to show `value`: the indicator's display unit, else a readable one."""
    if display_unit and display_unit in MULTIPLIERS:
        return MULTIPLIERS[display_unit], display_unit
    if display_unit and base_unit not in READABLE:
        return 1.0, display_unit
    for threshold, multiplier, shown in READABLE.get(base_unit, ()):
        if abs(value) >= threshold:
            return multiplier, shown
    return 1.0, BASE_UNIT.get(base_unit, base_unit)


def readable(value: float | None, base_unit: str, display_unit: str | None = None,
             decimals: int | None = None) -> str:
    if value is None:
        return "–"
    multiplier, shown = scale_for(value, base_unit, display_unit)
    text = vn_number(value / multiplier, decimals)
    return f"{text}%" if shown == "%" else f"{text} {shown}"


def _day(text: str | None) -> str:
    try:
        d = date.fromisoformat(text) if text else None
    except ValueError:
        return text or ""
    return d.strftime("%d/%m/%Y") if d else ""


def qualifier_labels(q: dict[str, Any]) -> list[str]:
    out = []
    if q.get("scope") and q["scope"] != "period":
        scope = label(SCOPE, q["scope"])
        out.append(f"{scope} {_day(q.get('since'))}".strip() if q["scope"] == "since" else scope)
    if q.get("estimate"):
        out.append(_("số ước"))
    if q.get("as_of"):
        out.append(_("tính đến %(day)s") % {"day": _day(q["as_of"])})
    if q.get("date_range"):
        start, end = q["date_range"]
        out.append(_("từ %(start)s đến %(end)s") % {"start": _day(start), "end": _day(end)})
    if q.get("approx"):
        out.append(_("xấp xỉ («%(word)s»)") % {"word": q["approx"]})
    return out


def fact_card(fact: Any, report_period_id: int | None = None) -> dict[str, Any]:
    """What the hover card of a figure shows (JSON for the page's script)."""
    ind = fact.indicator
    card = {
        "raw": fact.raw,
        "value": readable(fact.value, fact.base_unit, ind.display_unit if ind else None, None),
        "subject": fact.subject,
        "indicator": ind.name if ind else "",
        "confidence": round(fact.indicator_confidence * 100) if ind else None,
        "qualifiers": qualifier_labels(fact.qualifiers or {}),
        "status": label(FACT_STATUS, fact.status),
    }
    if report_period_id is not None and fact.period_id != report_period_id:
        from baocao.web.ui.templatetags.baocao_ui import period_label

        card["period"] = period_label(fact.period)
    return card
