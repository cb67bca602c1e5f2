"""Digits that are not quantities: dates, years, document numbers, identifiers, names.

`mask()` returns the spans of a text that no fact may overlap; `is_identifier()`
judges one number by the words right before and after it. The word lists are
data (`baocao/data/nonfacts.yaml`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from baocao.extract.lexicon import _data_text
from baocao.text.dates import find_dates
from baocao.text.normalize import nfc
from baocao.text.starts import digit_starts, finditer_at, finditer_words, literal_starts

# (pattern, strings one of which must be in the lower-cased text for the pattern to have any chance).
# These begin a run of digits (searched with finditer_at):
_AT_DIGITS = (
    (re.compile(r"(?<![\d/.,])\d{1,2}/\d{4}(?![\d/])"), ("/",)),  # tháng 6/2025
    (re.compile(r"(?<![\w.,])\d+(?:/\d{2,4})?[/-](?=[A-ZĐ])[\wĐđ.]*(?:[-/][\wĐđ.]+)*"), ("/", "-")),  # 2273/QĐ-UBND
    (re.compile(r"(?<![\d.,])(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}(?![\d.,])"), ("-", "–")),  # 2021 - 2025
    # round-the-clock ("trực 24/24 giờ", "24/7"), not a ratio of people ("24/24 thanh niên")
    (re.compile(r"(?<!\d)24\s*/\s*(?:24|7)(?!\d)(?!\s*(?!giờ|h\b)[^\W\d_])", re.IGNORECASE), ("24",)),
    (re.compile(r"(?<!\d)\d{1,2}\s*h\s*\d{2}(?!\d)", re.IGNORECASE), ("h",)),  # clock 8h30
    # from 11 to 15 o'clock ("từ 11 giờ đến 15 giờ"): a span of the day, not durations
    (re.compile(r"(?<!\d)\d{1,2}\s*giờ(?:\s*\d{1,2}(?:\s*phút)?)?\s*(?:đến|-|–)\s*\d{1,2}\s*giờ", re.IGNORECASE),
     ("giờ",)),
    # 14 giờ 30 phút; 14 giờ 30 ngày 28/8, trước 17 giờ ngày 27/9 (the minutes, then the date)
    (re.compile(r"(?<!\d)\d{1,2}\s*giờ(?:\s*\d{1,2}\s*phút|(?:\s*\d{1,2})?(?=\s*,?\s*ngày\s+\d))", re.IGNORECASE),
     ("giờ",)),
    (re.compile(r"(?<![\d/])\d{1,2}\s*[-–]\s*(?=\d{1,2}/\d{1,2})"), ("/",)),  # 27-31/3/2025: start of a day range
    (re.compile(r"(?<![\d/])\d{1,2}\s*(?:và|,)\s*(?=(?:ngày\s+)?\d{1,2}\s+tháng)", re.IGNORECASE), ("tháng",)),
    (re.compile(r"(?<![\d.,])\d{1,3}\s*\+\s*\d{1,3}(?![\d.,])"), ("+",)),  # Khối 7+10
)
# these begin with one of their first words, in any case (finditer_words):
AT_WORDS = (
    (re.compile(r"(?:tỷ|tỉ)\s+lệ\s+\d+\s*/\s*[\d.]+", re.IGNORECASE), "/", ("tỷ", "tỉ")),  # map scale 1/500
    (re.compile(r"ngày\s+\d{1,2}(?:\s*(?:và|,)\s*(?:ngày\s+)?\d{1,2})*\s+tháng\s+\d{1,2}", re.IGNORECASE), "tháng",
     ("ngày",)),
)
# and these:
_ENUMERATOR = re.compile(r"\(\s*\d{1,2}\s*\)")  # enumerators (1), (2)
_ROMAN = re.compile(r"(?<![\w.,])[IVX]+\s*,\s*[IVX]+/\d{4}")  # Quý II, III/2025: begins with I, V or X
_YEAR = re.compile(r"(?:19|20)\d{2}")
_LIST_REST = re.compile(r"(?:\s*(?:,|và|-|–)\s*\d{1,3})+(?![\d.,])")  # ", 75, 80, 85, 90" (before "tuổi")


@dataclass(frozen=True)
class NonFactRules:
    identifier_before: frozenset[str]  # lower-case phrases of 1-3 words
    bare_before: frozenset[str]
    after: frozenset[str]
    date_words: dict[str, tuple[int, int]]  # word → plausible range of the number after it
    bound_after: frozenset[str] = frozenset()  # after a quantity: it bounds a class ("từ 90 CV trở lên")
    identifier_unless: frozenset[str] = frozenset()  # "hạt điều": ends like an identifier_before, is none

    # derived in __post_init__ (the compiled core would recompute a cached property on every use)
    endings: tuple[str, ...] = field(init=False, default=())  # the last words of the phrases before a number
    beginnings: tuple[str, ...] = field(init=False, default=())  # the first words of the phrases after one
    bound_beginnings: tuple[str, ...] = field(init=False, default=())  # … of the phrases after a bound

    def __post_init__(self) -> None:
        # a text ending (beginning) with none of these words matches no phrase: a quick test first
        before = (*self.identifier_before, *self.bare_before, *self.date_words)
        object.__setattr__(self, "endings", tuple({p.split(" ")[-1] for p in before}))
        object.__setattr__(self, "beginnings", tuple({p.split(" ")[0] for p in self.after}))
        object.__setattr__(self, "bound_beginnings", tuple({p.split(" ")[0] for p in self.bound_after}))


def _phrases(words: list[str]) -> frozenset[str]:
    return frozenset(" ".join(nfc(w).lower().split()) for w in words)


@lru_cache(maxsize=4)
def load_rules(data_dir: Path | None = None) -> NonFactRules:
    spec = yaml.safe_load(_data_text("nonfacts.yaml", data_dir))
    return NonFactRules(
        identifier_before=_phrases(spec["identifier_before"]),
        bare_before=_phrases(spec["bare_before"]),
        after=_phrases(spec["after"]),
        date_words={nfc(k).lower(): (int(v[0]), int(v[1])) for k, v in (spec.get("date_words") or {}).items()},
        bound_after=_phrases(spec.get("bound_after") or []),
        identifier_unless=_phrases(spec.get("identifier_unless") or []),
    )


def is_bound(text: str, end: int, rules: NonFactRules) -> bool:
    """The quantity ending at `end` bounds a class of things rather than counting them: "tàu có
    công suất từ 90 CV trở lên"."""
    return _starts_with(text[end : end + 25], rules.bound_after, rules.bound_beginnings)


_WORD = re.compile(r"[^\W\d_]+")


def _last_words(before: str) -> list[str]:
    """The last one, two and three words of the text right before a number (lower case), when
    only spaces follow them: what `_ends_with` compares with its phrases."""
    if before[-1:].isalnum():
        return []
    words = _WORD.findall(before[-30:].lower())
    if not words or not before.rstrip().lower().endswith(words[-1]):
        return []
    return [" ".join(words[-n:]) for n in (1, 2, 3) if len(words) >= n]


def _ends_with(before: str, phrases: frozenset[str], last_words: list[str] | None = None) -> bool:
    """The text right before a number ends with one of the phrases (only spaces after it).
    `last_words` is `_last_words(before)` when the caller has it."""
    return any(map(phrases.__contains__, _last_words(before) if last_words is None else last_words))


def _starts_with(after: str, phrases: frozenset[str], beginnings: tuple[str, ...] = ("",)) -> bool:
    """The text right after a number starts with one of the phrases (after spaces); `beginnings`
    are the phrases' first words, if the caller knows them (a quick way to say no)."""
    stripped = after.lstrip()
    if not stripped or (len(stripped) == len(after) and after[:1].isalpha()):
        return stripped[:2].lower() == "kv" and "kv" in phrases if stripped else False
    if not stripped.lower().startswith(beginnings):
        return False
    words = _WORD.findall(stripped[:30].lower())
    if not words or not stripped.lower().startswith(words[0]):
        return False
    return any(" ".join(words[:n]) in phrases for n in (1, 2, 3) if len(words) >= n)


def mask(text: str, unit_at: Callable[[int], bool] | None = None, starts: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of dates, month/year, document numbers, year ranges, scales, enumerators, clock times.

    `unit_at(pos)` tells whether a unit or count noun starts at `pos`: "02/11 nhiệm vụ" is a
    ratio of tasks, not the 2nd of November. `starts` is `digit_starts(text)` when the caller has it.
    """
    spans = []
    if starts is None:
        starts = digit_starts(text)
    for d in find_dates(text, starts):
        if d.year is None and (not d.valid or (unit_at is not None and unit_at(d.end))):
            continue
        spans.append((d.start, d.end))
    lowered = text.lower()
    for pattern, needles in _AT_DIGITS:
        if any(map(lowered.__contains__, needles)):
            spans.extend((m.start(), m.end()) for m in finditer_at(pattern, text, starts))
    for pattern, needle, words in AT_WORDS:
        if needle in lowered:
            spans.extend((m.start(), m.end()) for m in finditer_words(pattern, text, words, lowered))
    if "(" in lowered:
        spans.extend((m.start(), m.end()) for m in _ENUMERATOR.finditer(text))
    if "/" in lowered:
        spans.extend((m.start(), m.end()) for m in finditer_at(_ROMAN, text, literal_starts(text, ("I", "V", "X"))))
    spans.sort()
    return spans


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, 10**9)) - 1
    for j in range(max(0, i - 3), min(len(spans), i + 2)):
        s, e = spans[j]
        if s < end and start < e:
            return True
    return False


def _named_by_before(text: str, start: int, end: int, has_unit: bool, rules: NonFactRules) -> bool:
    """The words before the number make it a name: "khối 7", "ngày 12", "số 5" (no unit)."""
    before = text[max(0, start - 30) : start]
    last_words = _last_words(before)
    if _ends_with(before, rules.identifier_before, last_words):
        return not _ends_with(before, rules.identifier_unless, last_words)
    words = _WORD.findall(before[-12:].lower())
    if words and words[-1] in rules.date_words and before.rstrip().lower().endswith(words[-1]):
        low, high = rules.date_words[words[-1]]
        raw = text[start:end]
        if raw.isdigit() and low <= int(raw) <= high:
            return True
    return not has_unit and _ends_with(before, rules.bare_before, last_words)


def is_identifier(text: str, start: int, end: int, has_unit: bool, percent: bool, rules: NonFactRules) -> bool:
    """A number that names something (khối 7, Chi Lăng 2, 80 năm, 02 cấp) rather than measures it."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 25]
    if percent:
        return False
    if before.rstrip().lower().endswith(rules.endings) and _named_by_before(text, start, end, has_unit, rules):
        return True
    if _starts_with(after, rules.after, rules.beginnings):
        return True
    listed = _LIST_REST.match(text, end) if not has_unit and text[end:end + 1] in (",", "-", "–") else None
    if listed and _starts_with(text[listed.end():listed.end() + 25], rules.after, rules.beginnings):
        return True  # "mừng thọ người cao tuổi tròn 70, 75, 80, 85, 90 tuổi": every item of the list
    raw = text[start:end]
    return bool(_YEAR.fullmatch(raw)) and not has_unit
