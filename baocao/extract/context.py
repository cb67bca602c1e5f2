"""Step 2: what a mention means — its qualifiers (scope, estimate, as-of date,
date range, approximation) and its subject (what is measured)."""

from __future__ import annotations

import re

from baocao.extract.model import Qualifiers
from baocao.extract.scan import Mention
from baocao.text.dates import find_dates

_CUMULATIVE = re.compile(r"lũy\s+kế|luỹ\s+kế|cộng\s+dồn|tổng\s+cộng\s+từ", re.IGNORECASE)
_YTD = re.compile(r"từ\s+đầu\s+năm|\b\d{1,2}\s+tháng(?:\s+đầu\s+năm)?|tính\s+chung|cả\s+năm", re.IGNORECASE)
_PERIOD = re.compile(r"trong\s+tháng|trong\s+kỳ|trong\s+quý|tháng\s+\d{1,2}(?!\s*tháng)|tháng\s+này", re.IGNORECASE)
_ESTIMATE = re.compile(r"(?<![^\W\d_])(?:ước|dự\s+kiến|ước\s+tính)(?![^\W\d_])", re.IGNORECASE)
_AS_OF = re.compile(
    r"(?:tính\s+)?đến\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})|đến\s+hết\s+tháng\s+(\d{1,2})/(\d{4})",
    re.IGNORECASE,
)
_SINCE = re.compile(r"từ\s+(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})\s+đến\s+nay", re.IGNORECASE)
_RANGE = re.compile(r"từ\s+(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})\s+đến\s+(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
_APPROX = re.compile(r"(hơn|trên|gần|khoảng|xấp\s+xỉ|dưới|tới|ít\s+nhất|≥|>|<|≤)\s*$", re.IGNORECASE)
_STOP_TAIL = re.compile(
    r"(?:\s+|^)(?:đạt|ước\s+đạt|ước|được|là|có|với|đạt\s+được|tổng\s+cộng|khoảng|hơn|trên|gần|tăng|giảm|bằng|"
    r"chiếm|thực\s+hiện|số|tổng\s+số|tổng|cho|của|đã|trong\s+đó|gồm|và|tại|tới|đến|lũy\s+kế|luỹ\s+kế|cộng\s+dồn|"
    r"trong\s+tháng|trong\s+kỳ|tính\s+đến|hiện|còn|thu\s+được|tiêu\s+hủy|đến\s+nay|nay)\s*$",
    re.IGNORECASE,
)
_STOP_HEAD = re.compile(r"^(?:và|trong\s+đó|trong\s+tháng|trong\s+kỳ|đã|đồng\s+thời|,|-)\s+", re.IGNORECASE)
_NOISE = re.compile(r"\b(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?\b|tháng\s+\d{1,2}(?:/\d{4})?|\d+\s+tháng(?:\s+đầu\s+năm)?|năm\s+\d{4}")


def _iso(d: str) -> str | None:
    for m in find_dates(d):
        return m.iso
    return None


def qualifiers(text: str, sentence: tuple[int, int], clause_at: int, mention: Mention) -> Qualifiers:
    before_clause = text[clause_at : mention.start]
    before_sentence = text[sentence[0] : mention.start]
    scope = "period"
    since = None
    cues = []
    for pattern, name in ((_CUMULATIVE, "cumulative"), (_YTD, "year_to_date"), (_PERIOD, "period")):
        for m in pattern.finditer(before_clause):
            cues.append((m.end(), name))
    if cues:
        scope = max(cues)[1]
    inside = text[max(0, mention.start - 12) : mention.start]
    if re.search(r"\(\s*(?:cộng\s+dồn|lũy\s+kế|luỹ\s+kế)\s*(?:đạt\s*)?$", inside, re.IGNORECASE):
        scope = "cumulative"
    m_since = None
    for found in _SINCE.finditer(before_sentence):
        m_since = found
    if m_since:
        scope = "since"
        since = _iso(m_since.group(1))
    as_of = None
    for m in _AS_OF.finditer(before_sentence):
        if m.group(1):
            as_of = _iso(m.group(1))
        elif m.group(2):
            month, year = int(m.group(2)), int(m.group(3))
            if 1 <= month <= 12:
                import calendar

                as_of = f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    date_range = None
    whole_sentence = text[sentence[0] : sentence[1]]
    for m in _RANGE.finditer(whole_sentence):
        a, b = _iso(m.group(1)), _iso(m.group(2))
        if a and b:
            date_range = (a, b)
    approx_m = _APPROX.search(text[max(0, mention.start - 14) : mention.start])
    return Qualifiers(
        scope=scope,
        since=since,
        estimate=bool(_ESTIMATE.search(before_sentence)),
        as_of=as_of,
        date_range=date_range,
        approx=approx_m.group(1).lower() if approx_m else None,
    )


def subject(text: str, clause_at: int, mention: Mention, section_title: str = "") -> str:
    """A short phrase saying what is measured, taken from the words around the number."""
    before = _NOISE.sub(" ", text[clause_at : mention.start])
    before = re.sub(r"[\d.,/%]+\s*(?:\w+\s*)?$", " ", before) if re.search(r"\d\s*$", before) else before
    before = re.sub(r"\s+", " ", before).strip(" ,.-–:")
    for _ in range(6):
        stripped = _STOP_TAIL.sub("", before).strip(" ,.-–:")
        if stripped == before:
            break
        before = stripped
    before = _STOP_HEAD.sub("", before)
    words = before.split()
    phrase = " ".join(words[-9:])
    if mention.dimension == "count" and not mention.implied_unit:
        after = text[mention.end : mention.end + 60]
        tail = re.match(r"\s*([^\W\d_][^,;:.()\d]{0,40}?)(?=\s*(?:[,;:.()]|\d|đạt|tăng|giảm|với|và|$))", after)
        extra = tail.group(1).strip() if tail else ""
        extra_words = extra.split()[:5]
        noun_phrase = " ".join([mention.unit, *extra_words]).strip()
        if len(words) <= 2 or not phrase:
            return noun_phrase
        return f"{noun_phrase} ({phrase})" if extra_words else f"{mention.unit} {phrase}".strip()
    return phrase or section_title
