"""Numbers the way Vietnamese reports print them: "." groups thousands, "," is the decimal
mark ("25.140,5"); counts below ten take a leading zero ("02 dự án"); dates in the
place-and-date line pad days below ten and months 1 and 2 (Decree 30/2020, Appendix I)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MAX_AUTO_DECIMALS = 2


def _decimal(value: float | int | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def auto_decimals(value: float | int | Decimal, most: int = MAX_AUTO_DECIMALS) -> int:
    """As few decimals as the value needs, at most `most` ("5,9" rather than "5,90")."""
    d = _decimal(value).quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP).normalize()
    exponent = d.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_number(value: float | int | Decimal, decimals: int | None = None, *, count: bool = False,
                  group: bool = True) -> str:
    """"25.140,5", "1.809,6", "02" (count), "-3,2"; rounding half up on the printed digits."""
    if decimals is None:
        decimals = auto_decimals(value)
    q = _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):.{decimals}f}".partition(".")
    if count and decimals == 0 and len(whole) == 1 and whole != "0":
        whole = "0" + whole
    if group and len(whole) > 3:
        groups = []
        while len(whole) > 3:
            groups.append(whole[-3:])
            whole = whole[:-3]
        groups.append(whole)
        whole = ".".join(reversed(groups))
    if sign and set(whole + frac) <= {"0", "."}:
        sign = ""  # no "-0"
    return sign + whole + ("," + frac if frac else "")


def format_percent(value: float | int | Decimal, decimals: int | None = None) -> str:
    """"16,66%", "100%"."""
    return format_number(value, decimals) + "%"


def format_quantity(value: float | int | Decimal, unit: str, decimals: int | None = None, count: bool = False) -> str:
    """A number with its display unit: "25.140,5 tỷ đồng", "02 dự án", "58,2%"."""
    if unit == "%":
        return format_percent(value, decimals)
    text = format_number(value, decimals, count=count)
    return f"{text} {unit}" if unit else text


def date_line(place: str, date: dt.date | None, year: int) -> str:
    """"Tam Thanh, ngày 05 tháng 02 năm 2026"; with no date, the dots of Decree 30/2020's own forms
    ("ngày … tháng … năm 2026") for the office to fill in — blanks of spaces would not read back as
    a place-and-date line, and the title after it would be lost."""
    if date is None:
        return f"{place}, ngày … tháng … năm {year}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"
