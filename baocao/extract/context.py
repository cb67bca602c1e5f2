"""Step 2: what a mention means — its qualifiers (scope, estimate, as-of date,
date range, approximation) and its subject (what is measured)."""

from __future__ import annotations

import calendar
import re

from baocao.extract.model import Qualifiers
from baocao.extract.scan import Mention
from baocao.text.dates import find_dates
from baocao.text.starts import finditer_words

# The cue patterns are searched with finditer_words: each match begins with one of its first words.
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
FIRST_WORDS = {
    "cumulative": ("lũy", "luỹ", "cộng", "tổng"),
    "year_to_date": ("từ", "tính", "cả"),  # and numbers
    "period": ("trong", "tháng"),
    "estimate": ("ước", "dự"),
    "as_of": ("tính", "đến"),
    "from": ("từ",),
}
_APPROX = re.compile(r"(hơn|trên|gần|khoảng|xấp\s+xỉ|dưới|tới|ít\s+nhất|≥|>|<|≤)\s*$", re.IGNORECASE)
# every _APPROX match holds one of these in lower case ("dướ", "tớ": "i" has odd case variants)
APPROX_NEEDLES = ("hơn", "trên", "gần", "khoảng", "xấp", "dướ", "tớ", "nhất", "≥", ">", "<", "≤")
_STOP_WORDS = frozenset(
    ["đạt", "ước", "được", "là", "có", "với", "khoảng", "hơn", "trên", "gần", "tăng", "giảm", "bằng", "chiếm", "số", "tổng", "cho", "của", "đã", "gồm", "và", "tại", "tới", "đến", "hiện", "còn", "nay"]
)
_STOP_PAIRS = frozenset(
    ("ước đạt", "đạt được", "tổng cộng", "thực hiện", "tổng số", "trong đó", "lũy kế", "luỹ kế", "cộng dồn",
     "trong tháng", "trong kỳ", "tính đến", "thu được", "đến nay", "tiêu hủy")
)
_STOP_HEAD = re.compile(r"^(?:và|trong\s+đó|trong\s+tháng|trong\s+kỳ|đã|đồng\s+thời|,|-)\s+", re.IGNORECASE)
# the look-ahead names the characters a match can begin with: `re` then skips other positions fast
_NOISE = re.compile(r"(?=[nt\d])(?:\b(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?\b|tháng\s+\d{1,2}(?:/\d{4})?|\d+\s+tháng"
                    r"(?:\s+đầu\s+năm)?|năm\s+\d{4})")
_DIGIT = re.compile(r"\d")  # every _NOISE match has one
_TRAILING_NUMBER = re.compile(r"[\d.,/%]+\s*(?:\w+\s*)?$")
_NOUN_AFTER = re.compile(r"\s*([^\W\d_][^,;:.()\d]{0,40}?)(?=\s*(?:[,;:.()]|\d|đạt|tăng|giảm|với|và|$))")
_OPEN_CUMULATIVE = re.compile(r"\(\s*(?:cộng\s+dồn|lũy\s+kế|luỹ\s+kế)\s*(?:đạt\s*)?$", re.IGNORECASE)


def _iso(d: str) -> str | None:
    for m in find_dates(d):
        return m.iso
    return None


class Cues:
    """Every qualifier cue of one text, found once; facts then look up the cues before them."""

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.scope: list[tuple[int, str]] = []
        for pattern, name, needles in ((_CUMULATIVE, "cumulative", ("kế", "dồn", "tổng cộng")),
                                       (_YTD, "year_to_date", ("tháng", "đầu năm", "tính chung", "cả năm")),
                                       (_PERIOD, "period", ("tháng", "kỳ", "quý"))):
            if any(map(low.__contains__, needles)):
                matches = finditer_words(pattern, text, FIRST_WORDS[name], low, digits=name == "year_to_date")
                self.scope.extend((m.end(), name) for m in matches)
        self.scope.sort()
        self.estimate = [m.end() for m in finditer_words(_ESTIMATE, text, FIRST_WORDS["estimate"], low)] if (
            "ước" in low or "dự kiến" in low) else []
        has_from = "từ" in low
        self.since = [(m.end(), _iso(m.group(1))) for m in finditer_words(_SINCE, text, FIRST_WORDS["from"], low)] if (
            has_from and "nay" in low) else []
        self.as_of: list[tuple[int, str | None]] = []
        for m in (finditer_words(_AS_OF, text, FIRST_WORDS["as_of"], low) if "đến" in low else ()):
            if m.group(1):
                self.as_of.append((m.end(), _iso(m.group(1))))
            elif m.group(2):
                month, year = int(m.group(2)), int(m.group(3))
                if 1 <= month <= 12:
                    last = calendar.monthrange(year, month)[1]
                    self.as_of.append((m.end(), f"{year:04d}-{month:02d}-{last:02d}"))
        self.ranges = [(m.start(), m.end(), _iso(m.group(1)), _iso(m.group(2)))
                       for m in (finditer_words(_RANGE, text, FIRST_WORDS["from"], low) if has_from else ())]


_PLAIN = Qualifiers()  # most facts have none: they share one (it is immutable)


def qualifiers(text: str, sentence: tuple[int, int], clause_at: int, mention: Mention, cues: Cues) -> Qualifiers:
    start = mention.start
    scope = "period"
    in_clause = [c for c in cues.scope if clause_at <= c[0] <= start]
    if in_clause:
        scope = in_clause[-1][1]
    inside = text[max(0, start - 12) : start]
    if "(" in inside and _OPEN_CUMULATIVE.search(inside):
        scope = "cumulative"
    since = None
    for end, iso in cues.since:
        if sentence[0] <= end <= start:
            scope, since = "since", iso
    as_of = None
    for end, iso in cues.as_of:
        if sentence[0] <= end <= start:
            as_of = iso
    date_range = None
    for s0, s1, a, b in cues.ranges:
        if sentence[0] <= s0 and s1 <= sentence[1] and a and b:
            date_range = (a, b)
    window = text[max(0, start - 14) : start]
    low = window.lower()
    approx_m = _APPROX.search(window) if any(map(low.__contains__, APPROX_NEEDLES)) else None
    estimate = bool(cues.estimate) and any(sentence[0] <= e <= start for e in cues.estimate)
    if scope == "period" and since is None and not estimate and as_of is None and date_range is None and approx_m is None:
        return _PLAIN
    return Qualifiers(
        scope=scope,
        since=since,
        estimate=estimate,
        as_of=as_of,
        date_range=date_range,
        approx=approx_m.group(1).lower() if approx_m else None,
    )


SUBJECT_WINDOW = 200


def subject(text: str, clause_at: int, mention: Mention, section_title: str = "") -> str:
    """A short phrase saying what is measured, taken from the words around the number."""
    # the phrase is the last few words: a long clause is read from its last SUBJECT_WINDOW characters
    start = clause_at if mention.start - clause_at <= SUBJECT_WINDOW else text.find(" ", mention.start - SUBJECT_WINDOW)
    before = text[max(clause_at, start) : mention.start]
    if _DIGIT.search(before):
        before = _NOISE.sub(" ", before)
        before = _TRAILING_NUMBER.sub(" ", before) if before.rstrip()[-1:].isdecimal() else before
    words = before.replace(",", " , ").split()
    while words:
        last = words[-1].lower().strip(",.-–:")
        if not last:
            words.pop()
        elif len(words) >= 2 and f"{words[-2].lower()} {last}" in _STOP_PAIRS:
            del words[-2:]
        elif last in _STOP_WORDS:
            words.pop()
        else:
            break
    before = _STOP_HEAD.sub("", " ".join(words).replace(" , ", ", ").strip(" ,.-–:"))
    words = before.split()
    phrase = " ".join(words[-9:])
    if mention.dimension == "count" and not mention.implied_unit:
        after = text[mention.end : mention.end + 60]
        tail = _NOUN_AFTER.match(after)
        extra = tail.group(1).strip() if tail else ""
        extra_words = extra.split()[:5]
        noun_phrase = " ".join([mention.unit, *extra_words]).strip()
        if len(words) <= 2 or not phrase:
            return noun_phrase
        return f"{noun_phrase} ({phrase})" if extra_words else f"{mention.unit} {phrase}".strip()
    return phrase or section_title


_LIST_START = re.compile(r"[;:]")
_FIRST_DIGIT = re.compile(r"\d")
_TAIL_WORDS = re.compile(r"[^\W\d_]+")
_ITEM_SEPARATOR = re.compile(r",(?!\d)|(?<!\d),")  # not a decimal comma


def elided_head(before: str) -> tuple[str, str]:
    """The words an enumeration leaves out, put back: in "đang giải quyết 94 hồ sơ, trong hạn 63
    hồ sơ, quá hạn 31 hồ sơ" the last item is "đang giải quyết quá hạn". `before` is the sentence
    up to the number. Returns (the item with its head, the item); ("", "") when the number does
    not close a short item (one to three words) of such a list.

    Items are the comma-separated parts since the last ";" or ":"; the head is the first part
    before the number that has more than two words. When the head ends like the item ("giải
    quyết trước hạn 1.807 hồ sơ, …, quá hạn 11"), it was an item itself: its last words go.
    """
    comma = before.rfind(",")
    if comma < 0 or (len(before[comma + 1 :].split()) > 3 and not before[comma + 1 : comma + 2].isdigit()):
        return "", ""  # most numbers: no list item ends right before them
    clause = before[_last_list_start(before):]
    parts = _ITEM_SEPARATOR.split(clause)
    item = parts[-1].split()
    if len(parts) < 2 or not item or len(item) > 3:
        return "", ""
    for part in reversed(parts[:-1]):
        digit = _FIRST_DIGIT.search(part)
        if digit is None:
            return "", ""
        words = part[: digit.start()].split()
        if len(_TAIL_WORDS.findall(part[digit.start():])) > 5:
            return "", ""  # not an item "head number unit (share)"
        if len(words) <= 2:
            continue  # a parallel item ("đúng hạn 263 hồ sơ")
        if words[-1].lower() == item[-1].lower():
            words = words[: -len(item)]
        return " ".join([*words, *item]), " ".join(item)
    return "", ""


def _last_list_start(text: str) -> int:
    at = 0
    for m in _LIST_START.finditer(text):
        at = m.end()
    return at
