"""Dates as Vietnamese reports write them: "14/11/2025", "ngày 05 tháng 02 năm 2026",
"15/8-27/8", and the place-and-date line of the header."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from baocao.text.starts import digit_starts, finditer_at, finditer_words

DATE_LINE = re.compile(
    r"^\s*(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ .'-]{1,40}?)\s*,\s*ngày\s+(?P<d>[\d.…]{1,3})\s+tháng\s+(?P<m>[\d.…]{1,3})\s+năm\s+(?P<y>\d{4})\s*$",
    re.IGNORECASE,
)
# dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy (NUMERIC and DAY_MONTH begin a run of digits: finditer_at)
NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?![\d/])")
WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
WORDS_FIRST = ("ngày",)  # WORDS begins with it (finditer_words)
DAY_MONTH = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?![\d/])")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    raw: str
    day: int
    month: int
    year: int | None
    valid: bool

    @property
    def iso(self) -> str | None:
        if not self.valid or self.year is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def is_valid(day: int, month: int, year: int | None) -> bool:
    try:
        dt.date(year or 2024, month, day)  # 2024 is a leap year: 29/02 without a year is fine
    except ValueError:
        return False
    return True


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def find_dates(text: str, starts: list[int] | None = None) -> list[DateMention]:
    """Every date in a text, full dates first; day/month pairs only where no full date covers them.

    `starts` is `digit_starts(text)` when the caller has it already."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if starts is None:
        starts = digit_starts(text)
    for matches in (finditer_words(WORDS, text, WORDS_FIRST), finditer_at(NUMERIC, text, starts)):
        for m in matches:
            if any(s <= m.start() < e for s, e in taken):
                continue
            d, mo, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
            out.append(DateMention(m.start(), m.end(), m.group(0), d, mo, y, is_valid(d, mo, y)))
            taken.append((m.start(), m.end()))
    for m in (finditer_at(DAY_MONTH, text, starts) if "/" in text else ()):
        if any(s <= m.start() < e for s, e in taken):
            continue
        d, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(DateMention(m.start(), m.end(), m.group(0), d, mo, None, is_valid(d, mo, None)))
    out.sort(key=lambda x: x.start)
    return out


def parse_date_line(text: str) -> tuple[str, str | None, str | None] | None:
    """The place-and-date line: returns (line, place, ISO date or None when it is a placeholder)."""
    m = DATE_LINE.match(text)
    if not m:
        return None
    place = m.group("place").strip()
    try:
        day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    except ValueError:
        return text.strip(), place, None
    iso = f"{year:04d}-{month:02d}-{day:02d}" if is_valid(day, month, year) else None
    return text.strip(), place, iso


def month_run(start: tuple[int, int], count: int) -> list[tuple[int, int]]:
    """`count` consecutive calendar months (year, month) from `start`."""
    y, m = start
    out = []
    for _ in range(count):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
