"""Meeting schedules of work programmes: kind, dates and recurrence.

Dates come written many ways: "ngày 14/5/2025 (thứ Tư)", "vào ngày 16 tháng 5 và
ngày 30 tháng 5 năm 2025", "ngày 09 và ngày 23 tháng 5 năm 2025". A small grammar reads
day groups and fills a missing month or year from the next group that has one, then
from the programme's period. Recurring meetings keep their phrase as printed
("thứ Hai hàng tuần", "ngày 01 và 16 hàng tháng").
"""

from __future__ import annotations

import datetime as dt
import re

from baocao.parse.model import Period
from baocao.tasks.model import Meeting
from baocao.text.dates import find_dates

_WEEKDAY = r"(?:thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|2|3|4|5|6|7)|Chủ\s+nhật)"
RECURRENCE = re.compile(
    rf"(?:(?:vào\s+)?buổi\s+(?:sáng|chiều)\s+)?{_WEEKDAY}(?:\s*(?:,|và)\s*{_WEEKDAY})*\s+h[àằ]ng\s+tuần"
    rf"|ngày\s+\d{{1,2}}(?:\s*(?:,|và)\s*\d{{1,2}})*\s+h[àằ]ng\s+tháng"
    rf"|h[àằ]ng\s+(?:tuần|tháng|quý)",
    re.IGNORECASE,
)
# "ngày 16 tháng 5 năm 2025", "ngày 09", "ngày 23 tháng 5": day groups
_DAY_GROUP = re.compile(r"ngày\s+(\d{1,2})(?!\s*/)(?:\s+tháng\s+(\d{1,2}))?(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)
_BARE_DAY = re.compile(r"(?:,|và)\s+(\d{1,2})(?:\s+tháng\s+(\d{1,2}))?(?:\s+năm\s+(\d{4}))?(?=\s|,|$|\.)")
_TRAILING_PERIOD = re.compile(r"\s+(?:tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}|năm\s+\d{4}|quý\s+[IV]+.*)\s*$", re.IGNORECASE)
_KIND_END = re.compile(r"\s*[:(]|\s+(?:dự kiến|vào ngày|tổ chức vào|định kỳ)\b", re.IGNORECASE)


def meeting_kind(text: str) -> str:
    """The kind of meeting from an item line: text before ":" or the scheduling words, without
    a trailing period phrase ("Họp UBND tỉnh thường kỳ tháng 5/2025" → "Họp UBND tỉnh thường kỳ")."""
    m = _KIND_END.search(text)
    kind = text[: m.start()] if m else text
    kind = _TRAILING_PERIOD.sub("", kind.strip().rstrip(".;"))
    return kind.strip()


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_meeting_dates(text: str, period: Period | None) -> list[str]:
    """ISO dates of a schedule line, in printed order."""
    spans: list[tuple[int, int | None, int | None, int | None]] = []  # (start, day, month, year)
    taken: list[tuple[int, int]] = []
    for d in find_dates(text):
        if d.valid and d.year is not None:
            spans.append((d.start, d.day, d.month, d.year))
            taken.append((d.start, d.end))
        elif d.valid:
            spans.append((d.start, d.day, d.month, None))
            taken.append((d.start, d.end))
    for pattern in (_DAY_GROUP, _BARE_DAY):
        for m in pattern.finditer(text):
            if any(s <= m.start(1) < e for s, e in taken):
                continue
            month = int(m.group(2)) if m.group(2) else None
            year = int(m.group(3)) if m.group(3) else None
            spans.append((m.start(1), int(m.group(1)), month, year))
            taken.append((m.start(1), m.end()))
    spans.sort()
    # fill a missing month/year from the next group that prints one ("ngày 09 và ngày 23 tháng 5 năm 2025")
    out: list[str] = []
    filled: list[tuple[int, int | None, int | None]] = []
    next_month: int | None = None
    next_year: int | None = None
    for _, day, month, year in reversed(spans):
        next_month = month or next_month
        next_year = year or next_year
        filled.append((day or 0, month or next_month, year or next_year))
    for day, month, year in reversed(filled):
        month = month or (period.month if period and period.month else None)
        year = year or (period.year if period else None)
        if month and year:
            iso = _iso(year, month, day)
            if iso and iso not in out:
                out.append(iso)
    return out


def date_text(dates: list[str]) -> str:
    """"16/5/2025 và 30/5/2025" (no leading zeros, the way schedules print them)."""
    shown = [f"{int(d[8:])}/{int(d[5:7])}/{d[:4]}" for d in dates]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " và " + shown[-1]


def parse_meeting(kind: str, text: str, period: Period | None, note: str = "") -> Meeting:
    """A meeting from its kind (item title or line head) and the text that schedules it;
    `note` is kept when the text gives neither dates nor a recurrence."""
    dates = find_meeting_dates(text, period)
    rec = RECURRENCE.search(text)
    recurrence = rec.group(0).strip() if rec else None
    if recurrence and recurrence.lower().startswith("vào "):
        recurrence = recurrence[4:]
    if dates or recurrence:
        note = ""
    return Meeting(kind=kind, dates=tuple(dates), date_text=date_text(dates), recurrence=recurrence, note=note)
