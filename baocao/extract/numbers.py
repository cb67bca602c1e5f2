"""The Vietnamese number grammar: `.` groups thousands, `,` is the decimal mark.

"1.809,6" = 1809.6; "36.618.000" = 36 618 000; "02" = 2; "1,47" = 1.47. Authors
sometimes slip into English decimals before a percent sign ("139.35%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A number as printed: grouped thousands with optional decimals, or plain digits with optional decimals.
NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
ENGLISH_DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}(?=\s*%)")
_ENGLISH = re.compile(r"\d{1,3}\.\d{1,2}")


@dataclass(frozen=True)
class Number:
    value: float
    decimals: int  # digits printed after the decimal mark
    text: str


def parse_number(text: str) -> Number:
    """Parse a printed number; raises ValueError when it is not one."""
    raw = text.strip()
    if _ENGLISH.fullmatch(raw):
        frac = raw.split(".")[1]
        return Number(float(raw), len(frac), text)
    if not NUMBER.fullmatch(raw):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    integer, _, frac = raw.partition(",")
    value = float(integer.replace(".", "") + ("." + frac if frac else ""))
    return Number(value, len(frac), text)


def format_number(value: float, decimals: int = 0, leading_zero: bool = False) -> str:
    """Format like the reports do: 1809.6 → "1.809,6"; counts below 10 may get a leading zero ("02")."""
    negative = value < 0
    text = f"{abs(value):,.{decimals}f}"  # 1,809.6
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if leading_zero and decimals == 0 and abs(value) < 10:
        text = text.zfill(2)
    return ("-" if negative else "") + text
