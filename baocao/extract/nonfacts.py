"""Digits that are not quantities: dates, years, document numbers, identifiers, names.

`mask()` returns the spans of a text that no fact may overlap; `is_identifier()`
judges one number by the words right before and after it. The word lists are
data (`baocao/data/nonfacts.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from baocao.extract.lexicon import _data_text
from baocao.text.dates import find_dates
from baocao.text.normalize import nfc

_PATTERNS = (
    re.compile(r"(?<![\d/.,])\d{1,2}/\d{4}(?![\d/])"),  # tháng 6/2025
    re.compile(r"(?<![\w.,])\d+(?:/\d{2,4})?[/-](?=[A-ZĐ])[\wĐđ.]*(?:[-/][\wĐđ.]+)*"),  # 2273/QĐ-UBND, 59-NQ/TW
    re.compile(r"(?<![\d.,])(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}(?![\d.,])"),  # 2021 - 2025, 2025-2026
    re.compile(r"(?:tỷ|tỉ)\s+lệ\s+\d+\s*/\s*[\d.]+", re.IGNORECASE),  # map scale 1/500
    re.compile(r"(?<!\d)24\s*/\s*(?:24|7)(?!\d)"),  # round-the-clock
    re.compile(r"\(\s*\d{1,2}\s*\)"),  # enumerators (1), (2)
    re.compile(r"(?<!\d)\d{1,2}\s*h\s*\d{2}(?!\d)|(?<!\d)\d{1,2}\s*giờ\s*\d{1,2}\s*phút", re.IGNORECASE),  # clock
    re.compile(r"(?<![\d/])\d{1,2}\s*[-–]\s*(?=\d{1,2}/\d{1,2})"),  # 27-31/3/2025: start of a day range
    re.compile(r"(?<![\d/])\d{1,2}\s*(?:và|,)\s*(?=(?:ngày\s+)?\d{1,2}\s+tháng)", re.IGNORECASE),  # ngày 09 và 23 tháng 5
    re.compile(r"ngày\s+\d{1,2}(?:\s*(?:và|,)\s*(?:ngày\s+)?\d{1,2})*\s+tháng\s+\d{1,2}", re.IGNORECASE),
    re.compile(r"(?<![\w.,])[IVX]+\s*,\s*[IVX]+/\d{4}"),  # Quý II, III/2025
)
_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class NonFactRules:
    identifier_before: re.Pattern[str]
    bare_before: re.Pattern[str]
    after: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted({nfc(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=4)
def load_rules(data_dir: Path | None = None) -> NonFactRules:
    spec = yaml.safe_load(_data_text("nonfacts.yaml", data_dir))
    return NonFactRules(
        identifier_before=re.compile(rf"(?:^|[^\w])(?:{_alternation(spec['identifier_before'])})\s*$", re.IGNORECASE),
        bare_before=re.compile(rf"(?:^|[^\w])(?:{_alternation(spec['bare_before'])})\s*$", re.IGNORECASE),
        after=re.compile(rf"^\s*(?:{_alternation(spec['after'])})(?![^\W\d_])", re.IGNORECASE),
    )


def mask(text: str) -> list[tuple[int, int]]:
    """Spans of dates, month/year, document numbers, year ranges, scales, enumerators, clock times."""
    spans = [(d.start, d.end) for d in find_dates(text) if d.valid or d.year]
    for pattern in _PATTERNS:
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    spans.sort()
    return spans


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (start, 10**9)) - 1
    for j in range(max(0, i - 3), min(len(spans), i + 2)):
        s, e = spans[j]
        if s < end and start < e:
            return True
    return False


def is_identifier(text: str, start: int, end: int, has_unit: bool, percent: bool, rules: NonFactRules) -> bool:
    """A number that names something (khối 7, Chi Lăng 2, 80 năm, 02 cấp) rather than measures it."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 25]
    if percent:
        return False
    if rules.identifier_before.search(before):
        return True
    if not has_unit and rules.bare_before.search(before):
        return True
    if rules.after.match(after):
        return True
    raw = text[start:end]
    return bool(_YEAR.fullmatch(raw)) and not has_unit
