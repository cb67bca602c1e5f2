"""Reporting periods: as printed in reports, and as codes (2025-11, 2025-Q3, 2025-H1,
2025-9M, 2025, 2025-08-YTD)."""

from __future__ import annotations

import re

from baocao.parse.model import Period
from baocao.text.normalize import fold_keep_length as fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Y = r"(?:nam\s+)?(\d{4})"

# Patterns on folded text (no diacritics, lower case), most specific first.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("month_and_ytd", re.compile(rf"thang\s+(\d{{1,2}})\s+va\s+(\d{{1,2}})\s+thang\s+(?:dau\s+)?{_Y}")),
    ("h1", re.compile(rf"(?:6|sau)\s+thang\s+dau\s+{_Y}")),
    ("h2", re.compile(rf"(?:6|sau)\s+thang\s+cuoi\s+{_Y}")),
    ("9m", re.compile(rf"(?:9|chin)\s+thang\s+(?:dau\s+)?{_Y}")),
    ("quarter", re.compile(r"quy\s+(i{1,3}|iv|[1-4])\s*(?:/|nam)?\s*(\d{4})")),
    ("ytd", re.compile(rf"(?<!\d)(\d{{1,2}})\s+thang\s+(?:dau\s+)?{_Y}")),
    ("month", re.compile(r"thang\s+(\d{1,2})\s*(?:/|nam|-)\s*(\d{4})")),
    ("year", re.compile(r"(?:tinh\s+hinh[^.]{0,60}?|bao\s+cao[^.]{0,60}?|ket\s+qua[^.]{0,60}?)nam\s+(\d{4})")),
)


def find_period(text: str) -> Period | None:
    """The first period phrase in a title or sentence."""
    folded = fold(text)
    best: tuple[int, Period] | None = None
    for kind, pattern in _PATTERNS:
        m = pattern.search(folded)
        if not m:
            continue
        period = _make(kind, m)
        if period is None:
            continue
        label = text[m.start() : m.end()] if len(text) == len(folded) else m.group(0)
        period = Period(period.kind, period.year, period.month, period.quarter, period.half, label.strip())
        return period  # patterns are ordered from the most specific
    return best[1] if best else None


def _make(kind: str, m: re.Match[str]) -> Period | None:
    if kind == "month_and_ytd":
        return Period("month", int(m.group(3)), month=int(m.group(1)))
    if kind == "h1":
        return Period("half_year", int(m.group(1)), half=1)
    if kind == "h2":
        return Period("half_year", int(m.group(1)), half=2)
    if kind == "9m":
        return Period("nine_months", int(m.group(1)))
    if kind == "quarter":
        q = m.group(1)
        quarter = _ROMAN.get(q, int(q) if q.isdigit() else 0)
        return Period("quarter", int(m.group(2)), quarter=quarter) if quarter else None
    if kind == "ytd":
        months = int(m.group(1))
        if not 1 <= months <= 12:
            return None
        if months == 12:
            return Period("year", int(m.group(2)))
        return Period("months_to_date", int(m.group(2)), month=months)
    if kind == "month":
        month = int(m.group(1))
        return Period("month", int(m.group(2)), month=month) if 1 <= month <= 12 else None
    if kind == "year":
        return Period("year", int(m.group(1)))
    return None


_CODE = re.compile(r"^(\d{4})(?:-(\d{2})(-YTD)?|-Q([1-4])|-H([12])|-(9M))?$", re.IGNORECASE)


def parse_code(code: str) -> Period:
    """Parse a period code; raises ValueError with a Vietnamese message."""
    m = _CODE.match(code.strip())
    if not m:
        raise ValueError(
            f"Kỳ báo cáo «{code}» không đúng dạng (ví dụ: 2025-11, 2025-Q3, 2025-H1, 2025-9M, 2025, 2025-08-YTD)."
        )
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"Tháng {month} không hợp lệ trong kỳ «{code}».")
        kind = "months_to_date" if m.group(3) else "month"
        return Period(kind, year, month=month, label=code)
    if m.group(4):
        return Period("quarter", year, quarter=int(m.group(4)), label=code)
    if m.group(5):
        return Period("half_year", year, half=int(m.group(5)), label=code)
    if m.group(6):
        return Period("nine_months", year, label=code)
    return Period("year", year, label=code)


def months_of(period: Period) -> list[tuple[int, int]]:
    """The calendar months (year, month) a period covers."""
    y = period.year
    if period.kind == "month" and period.month:
        return [(y, period.month)]
    if period.kind == "quarter" and period.quarter:
        start = 3 * (period.quarter - 1) + 1
        return [(y, m) for m in range(start, start + 3)]
    if period.kind == "half_year" and period.half:
        start = 1 if period.half == 1 else 7
        return [(y, m) for m in range(start, start + 6)]
    if period.kind == "nine_months":
        return [(y, m) for m in range(1, 10)]
    if period.kind == "months_to_date" and period.month:
        return [(y, m) for m in range(1, period.month + 1)]
    return [(y, m) for m in range(1, 13)]


def next_period(period: Period) -> Period:
    if period.kind == "month" and period.month:
        y, m = (period.year + 1, 1) if period.month == 12 else (period.year, period.month + 1)
        return Period("month", y, month=m, label=f"{y}-{m:02d}")
    if period.kind == "quarter" and period.quarter:
        y, q = (period.year + 1, 1) if period.quarter == 4 else (period.year, period.quarter + 1)
        return Period("quarter", y, quarter=q, label=f"{y}-Q{q}")
    if period.kind == "half_year" and period.half:
        y, h = (period.year + 1, 1) if period.half == 2 else (period.year, 2)
        return Period("half_year", y, half=h, label=f"{y}-H{h}")
    return Period("year", period.year + 1, label=str(period.year + 1))


def previous_period(period: Period) -> Period:
    if period.kind == "month" and period.month:
        y, m = (period.year - 1, 12) if period.month == 1 else (period.year, period.month - 1)
        return Period("month", y, month=m, label=f"{y}-{m:02d}")
    if period.kind == "quarter" and period.quarter:
        y, q = (period.year - 1, 4) if period.quarter == 1 else (period.year, period.quarter - 1)
        return Period("quarter", y, quarter=q, label=f"{y}-Q{q}")
    if period.kind == "half_year" and period.half:
        y, h = (period.year - 1, 2) if period.half == 1 else (period.year, 1)
        return Period("half_year", y, half=h, label=f"{y}-H{h}")
    return Period(period.kind, period.year - 1, period.month, period.quarter, period.half, str(period.year - 1))
