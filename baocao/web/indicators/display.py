"""Values in the unit people read (display_unit) and in Vietnamese number format."""

from __future__ import annotations

MULTIPLIERS = {
    "đồng": 1.0, "nghìn đồng": 1e3, "triệu đồng": 1e6, "tỷ đồng": 1e9,
    "USD": 1.0, "nghìn USD": 1e3, "triệu USD": 1e6,
    "m2": 1.0, "ha": 1e4, "km2": 1e6,
    "kg": 1.0, "tấn": 1e3, "nghìn tấn": 1e6,
    "m3": 1.0, "nghìn m3": 1e3, "triệu m3": 1e6,
    "m": 1.0, "km": 1e3,
    "kWh": 1.0, "nghìn kWh": 1e3, "triệu kWh": 1e6,
}


def to_display(value: float | None, display_unit: str) -> float | None:
    """A base-unit value (VND, m2, kg…) in the indicator's display unit."""
    if value is None:
        return None
    return value / MULTIPLIERS.get(display_unit, 1.0)


def vn_number(value: float | None, decimals: int | None = None) -> str:
    """1809.6 → "1.809,6" (dot groups thousands, comma is the decimal mark)."""
    if value is None:
        return "–"
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else (1 if abs(value) >= 100 else 2)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_value(value: float | None, display_unit: str, decimals: int | None = None) -> str:
    shown = to_display(value, display_unit)
    if shown is None:
        return "–"
    return f"{vn_number(shown, decimals)} {display_unit}".strip()
