"""Vietnamese number formatting and exact rounding for the generator."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)


def quantize(value: Decimal, decimals: int) -> Decimal:
    """Round half up to `decimals` places."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt(value: Decimal, decimals: int = 0, min_digits: int = 0, group: bool = True) -> str:
    """Format the Vietnamese way: `.` groups thousands, `,` is the decimal mark.

    `min_digits` pads the integer part with zeros ("02" for min_digits=2).
    """
    q = quantize(value, decimals)
    sign = "-" if q < 0 else ""
    q = abs(q)
    text = f"{q:.{decimals}f}"
    whole, _, frac = text.partition(".")
    if min_digits and len(whole) < min_digits:
        whole = whole.zfill(min_digits)
    if group and len(whole) > 3:
        parts = []
        while len(whole) > 3:
            parts.append(whole[-3:])
            whole = whole[:-3]
        parts.append(whole)
        whole = ".".join(reversed(parts))
    return sign + whole + ("," + frac if frac else "")


def percent(num: Decimal, den: Decimal, decimals: int) -> Decimal:
    """num / den as a percent rounded half up to `decimals` places."""
    if den == 0:
        return Decimal(0)
    return quantize(num / den * HUNDRED, decimals)


def change_percent(current: Decimal, base: Decimal, decimals: int) -> tuple[Decimal, str]:
    """Percent change from base to current, as (magnitude, "up"|"down")."""
    if base == 0:
        return Decimal(0), "up"
    delta = (current / base - 1) * HUNDRED
    return quantize(abs(delta), decimals), ("down" if delta < 0 else "up")


def date_vn(day: int, month: int, year: int, pad: bool = False) -> str:
    """"14/11/2025" or, padded, "05/02/2026"."""
    if pad:
        return f"{day:02d}/{month:02d}/{year}"
    return f"{day}/{month}/{year}"
