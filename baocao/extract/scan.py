"""Step 1 of extraction: find every quantity mention in one text (a paragraph or a footnote).

A mention is a number with its unit (`36.618.000đ`, `1,47 triệu lượt`, `988 m2`,
`36,7%`), or a ratio whose parts share the denominator's unit
(`1.809,6/4.930 triệu đồng`, `19/21 hộ`, `822.090/1.031.687 lượt`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from baocao.extract.lexicon import Lexicon
from baocao.extract.nonfacts import NonFactRules, is_bound, is_identifier, mask, overlaps
from baocao.extract.numbers import ENGLISH_DECIMAL, NUMBER, parse_number
from baocao.text.starts import digit_starts, finditer_at

TOKEN = re.compile(rf"(?<![^\W_])(?<![.,/])(?:{ENGLISH_DECIMAL.pattern}|{NUMBER.pattern})")  # begins a digit run
_SLASH = re.compile(r"[ \t]*/[ \t]*")
_CLAUSE_START = re.compile(r"[;(]|(?<=[.!?])\s")
_SENTENCE_START = re.compile(r"(?<=[.!?])\s")
_RATIO_FOLLOWS = re.compile(r"\s*(?:=|\(|chiếm|[-–,]?\s*đạt)\s*\d")
_SPACES = re.compile(r"\s+")
_LA_AT_END = re.compile(r"\blà\s*$")


# Unit and Mention are named tuples: scan makes one per number, and a tuple is made several
# times faster than a frozen dataclass.
class Unit(NamedTuple):
    dimension: str
    unit: str
    factor: float
    start: int
    end: int
    implied: bool = False


class Mention(NamedTuple):
    start: int  # span of the raw text (number and unit)
    end: int
    num_start: int
    num_end: int
    value: float
    decimals: int
    dimension: str
    unit: str
    role: str  # "value", "numerator", "denominator", "percent"
    group: int | None = None  # ratio group: numerator and denominator share it
    implied_unit: bool = False
    scale: float = 1.0


_MEDAL = re.compile(r"[ \t]*(vàng|bạc|đồng)(?![^\W\d_])", re.IGNORECASE)


_WORD = r"[^\s/,;:.()\[\]\"“”'‘’!?=+<>]+"


def _words(n: int) -> str:
    """Up to `n` words, each a group, separated by spaces or tabs only."""
    return f"({_WORD})" + (rf"(?:[ \t]+{_words(n - 1)})?" if n > 1 else "")


# after a number: "%", or the five words that may make its unit (groups 2 to 6)
_UNIT_WORDS = re.compile(rf"[ \t]*(?:(%)|{_words(5)})?")


def read_unit(text: str, pos: int, lex: Lexicon) -> Unit | None:
    """The unit printed at `pos` (right after a number): "%", "triệu đồng", "ha", "hồ sơ", …

    Looks up the next one to four words (longest first) in the lexicon, after an optional
    multiplier word; words must follow each other with only spaces between them.
    """
    medal = _MEDAL.match(text, pos)
    if medal and "huy chương" in text[max(0, pos - 60) : pos].lower():
        return Unit("count", "huy chương", 1.0, medal.start(1), medal.end())
    m = _UNIT_WORDS.match(text, pos)
    assert m is not None  # the pattern matches the empty string
    percent, *printed = m.groups()
    if percent:
        return Unit("percent", "%", 1.0, m.start(1), m.end(1))
    words = [w for w in printed if w is not None]  # word i is group i + 2
    if not words:
        return None
    factor = 1.0
    start = m.start(2)
    first = words[0].lower()
    skipped = 0
    if first in lex.multipliers and len(words) > 1:
        factor = lex.multipliers[first]
        words = words[1:]
        skipped = 1
    if words[0].lower() not in lex.first_words and words[0] not in lex.first_words:
        return None  # no unit or count noun starts with this word
    for n in range(min(4, len(words)), 0, -1):
        end = m.end(skipped + n + 1)
        phrase = " ".join(words[:n])
        key = phrase.lower()
        known = lex.lookup(phrase) if n <= 3 else None
        if known is not None and (known.word == phrase or known.word.lower() == key):
            return Unit(known.dimension, known.unit, known.factor * factor, start, end)
        if key in lex.count_nouns:
            return Unit("count", lex.noun_unit(key), factor, start, end)
    return None


_BRACKET_ITEMS = re.compile(r"\(\s*(?:\d[\d.]*\s+[^\W\d_][^(),;\d]{0,30},\s*)*$")
_COUNT_BEFORE = re.compile(r"\d[\d.]*\s+([^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*$")


def _bracket_noun(text: str, start: int, lex: Lexicon) -> Unit | None:
    """ "08 trường (02 mầm non, 04 tiểu học, 02 trung học cơ sở)": the items of a breakdown in
    brackets count in the noun of the figure they break down."""
    window = text[max(0, start - 120) : start]
    items = _BRACKET_ITEMS.search(window)
    if items is None:
        return None
    count = _COUNT_BEFORE.search(window, 0, items.start())
    if count is None:
        return None
    words = count.group(1).split()
    for n in range(len(words), 0, -1):  # "08 trường", "24 trường học", "21 trường công lập"
        noun = " ".join(words[:n]).lower()
        if noun in lex.count_nouns:
            return Unit("count", lex.noun_unit(noun), 1.0, start, start, implied=True)
    return None


def _implied_noun(
    text: str, start: int, lex: Lexicon, noun_re: re.Pattern[str], loose: bool = False, end: int | None = None
) -> Unit | None:
    """A bare number whose count noun stands before it: "hồ sơ hủy: 09", "đơn khiếu nại 01".

    `loose` (ratios printed without a unit, "số hồ sơ giải quyết trước hạn 261/596 = 43,79%")
    takes the head noun of the clause, or of the sentence when the clause has none.
    """
    window_start = max(0, start - 80)
    window = text[window_start:start]
    clause = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    found = list(noun_re.finditer(window, clause))
    if loose:
        if not found:
            sentence = max((m.end() for m in _SENTENCE_START.finditer(text[: start])), default=0)
            found = list(noun_re.finditer(text[sentence:start]))
            if not found:
                return None
            chosen = found[0]
        else:
            after_so = [f for f in found if window[max(0, f.start() - 3) : f.start()].lower() == "số "]
            chosen = after_so[0] if after_so else found[0]
        noun = _SPACES.sub(" ", chosen.group(0)).lower()
        return None if lex.lookup(noun) is not None else Unit("count", lex.noun_unit(noun), 1.0, start, start, implied=True)
    if not found:
        return None
    last = found[-1]
    between = window[last.end() :]
    words = between.split()
    if words and ":" not in between and all(w[:1].isupper() for w in words):
        return None  # "thôn Lạc Sơn 3": the number ends a name
    follows = text[end : end + 2] if end is not None else ""
    closed = not follows.strip() or follows.strip()[:1] in ";,.)"
    if (":" in between or _LA_AT_END.search(between) or (len(words) <= 2 and closed)) and len(words) <= 6:
        noun = _SPACES.sub(" ", last.group(0)).lower()
        if lex.lookup(noun) is not None:
            return None
        return Unit("count", lex.noun_unit(noun), 1.0, start, start, implied=True)
    return None


def scan(text: str, lex: Lexicon, rules: NonFactRules, noun_re: re.Pattern[str]) -> list[Mention]:
    starts = digit_starts(text)
    if not starts:
        return []
    spans = mask(text, lambda pos: read_unit(text, pos, lex) is not None, starts)
    out: list[Mention] = []
    consumed_until = -1
    group = 0
    for m in finditer_at(TOKEN, text, starts):
        if m.start() < consumed_until or overlaps(spans, m.start(), m.end()):
            continue
        chain = _read_chain(text, m, lex)
        if chain is None:
            continue
        items, end = chain
        first_unit = items[0][1]
        has_unit = first_unit is not None
        percent = has_unit and first_unit is not None and first_unit.dimension == "percent"
        ranged = _range_unit(text, m.end(), lex) if len(items) == 1 and not has_unit else None
        if len(items) == 1 and ranged is None and is_identifier(text, m.start(), m.end(), has_unit, percent, rules):
            continue
        if len(items) > 1 and all(u is None for _, u in items):
            glue = text[end : end + 14]
            if not _RATIO_FOLLOWS.match(glue):
                continue  # "1088/2-1089": not a ratio of anything
            if is_identifier(text, m.start(), m.end(), False, False, rules):
                continue
            implied = _implied_noun(text, m.start(), lex, noun_re, loose=True)
            if implied is None:
                implied = Unit("count", "", 1.0, m.start(), m.start(), implied=True)
            items = [(items[0][0], implied), *items[1:]]
        if len(items) == 1 and not has_unit:
            if text[m.end() : m.end() + 1].isalpha():
                continue  # 4B, 110kV: glued letters that are no unit
            implied = ranged or _implied_noun(text, m.start(), lex, noun_re, end=m.end()) or _bracket_noun(
                text, m.start(), lex)
            if implied is None:
                continue
            items = [(items[0][0], implied)]
        if not percent and is_bound(text, end, rules):  # "đạt 8% trở lên" is a target: a figure
            consumed_until = end
            continue
        consumed_until = end
        if len(items) > 1:
            group += 1
        # a numerator without a unit takes the unit of the next part that has one
        units = [u for _, u in items]
        for i, u in enumerate(units):
            if u is None:
                nxt = next((x for x in units[i + 1 :] if x is not None), None)
                prev = next((x for x in reversed(units[:i]) if x is not None), None)
                src = nxt or prev
                units[i] = Unit(src.dimension, src.unit, src.factor, items[i][0].end(), items[i][0].end(), True) if src else None
        for i, ((num_match, _), unit) in enumerate(zip(items, units, strict=True)):
            if unit is None:
                continue
            number = parse_number(num_match.group(0))
            if unit.dimension == "count" and not unit.implied:
                unit = _factor_or_score(text, num_match.start(), unit, number.value * unit.factor)
            role = "percent" if unit.dimension == "percent" else "value"
            if len(items) == 2 and _same_unit(units[0], units[1]):
                role = "numerator" if i == 0 else "denominator"
            end_raw = unit.end if not unit.implied else num_match.end()
            out.append(
                Mention(
                    start=num_match.start(),
                    end=end_raw,
                    num_start=num_match.start(),
                    num_end=num_match.end(),
                    value=number.value * unit.factor,
                    decimals=number.decimals,
                    dimension=unit.dimension,
                    unit=unit.unit,
                    role=role,
                    group=group if len(items) > 1 else None,
                    implied_unit=unit.implied,
                    scale=unit.factor,
                )
            )
    return out


_TIMES_BEFORE = re.compile(r"(?:tăng|giảm|gấp|bằng)\s*$", re.IGNORECASE)


_RANGE_TO = re.compile(r"[ \t]*(?:đến|tới|-|–)[ \t]*")


def _range_unit(text: str, end: int, lex: Lexicon) -> Unit | None:
    """ "dao động từ 108.000 đến 112.000 đồng/kg": the first number of a range takes the unit
    printed after the second."""
    to = _RANGE_TO.match(text, end)
    second = NUMBER.match(text, to.end()) if to and to.end() > end else None
    if second is None:
        return None
    unit = read_unit(text, second.end(), lex)
    if unit is None or unit.dimension == "count":
        return None  # "từ 01 đến 05 hộ" is read by the noun's own rule, if at all
    slash = _SLASH.match(text, unit.end)
    if slash:
        unit = _per_unit(text, unit, slash.end(), lex)
    return Unit(unit.dimension, unit.unit, unit.factor, end, end, implied=True)


def _factor_or_score(text: str, start: int, unit: Unit, value: float) -> Unit:
    """ "tăng 2,3 lần so với cùng kỳ" is a factor and "đạt 86,12 điểm" a score, not counts of
    times or of places: both are read as `other`, in the printed unit."""
    if unit.unit == "lần" and _TIMES_BEFORE.search(text, max(0, start - 8), start):
        return unit._replace(dimension="other")
    if unit.unit == "điểm" and not float(value).is_integer():
        return unit._replace(dimension="other")
    return unit


def _same_unit(a: Unit | None, b: Unit | None) -> bool:
    return a is not None and b is not None and a.dimension == b.dimension and (a.unit == b.unit or a.implied or b.implied)


_PER_POPULATION = re.compile(r"(?:\d[\d.]*|vạn|nghìn|ngàn)[ \t]*dân(?![^\W\d_])", re.IGNORECASE)
_PER_WORD = re.compile(r"[^\W\d_]+(?=[\s,;.)]|$)")


def _per_unit(text: str, unit: Unit, at: int, lex: Lexicon) -> Unit:
    """A unit per something is a rate of its own, as printed: "52,3 tạ/ha" (a yield), "500.000
    đồng/suất", "02 lần/tháng", "52,6 triệu đồng/người/năm", "32,5 giường bệnh/vạn dân". A
    number after the slash begins the denominator of a ratio instead ("19/21 hộ"), unless it
    counts the population ("11,8 bác sĩ/10.000 dân")."""
    if unit.dimension == "percent":
        return unit
    end = pos = at
    while (part := _per_part_end(text, pos, lex)) is not None:  # "triệu đồng/người/năm": part by part
        end = part
        if text[end:end + 1] != "/" or not text[end + 1:end + 2].isalpha():
            break
        pos = end + 1
    if end == at:
        return unit
    return Unit("other", f"{text[unit.start:unit.end]}/{text[at:end]}", 1.0, unit.start, end)


def _per_part_end(text: str, pos: int, lex: Lexicon) -> int | None:
    """Where the part after a "/" of a rate ends: a population ("vạn dân", "10.000 dân"), a unit
    or count noun, or a word; None when there is none (a number begins a ratio's denominator)."""
    population = _PER_POPULATION.match(text, pos)
    if population is not None:
        return population.end()
    if NUMBER.match(text, pos):
        return None
    known = read_unit(text, pos, lex)
    if known is not None and known.dimension != "percent":
        return known.end
    word = _PER_WORD.match(text, pos)
    return word.end() if word else None


def _read_chain(text: str, m: re.Match[str], lex: Lexicon) -> tuple[list[tuple[re.Match[str], Unit | None]], int] | None:
    """A number, its unit, and any "/number unit" parts that follow (ratios, "hộ/thôn/xã" chains)."""
    items: list[tuple[re.Match[str], Unit | None]] = []
    current = m
    while True:
        unit = read_unit(text, current.end(), lex)
        pos = unit.end if unit else current.end()
        slash = _SLASH.match(text, pos)
        if slash and unit is not None:
            unit = _per_unit(text, unit, slash.end(), lex)
        items.append((current, unit))
        if not slash or (unit is not None and unit.dimension == "other"):
            break
        nxt = NUMBER.match(text, slash.end())
        if not nxt or len(items) >= 4:
            break
        if text[nxt.end() : nxt.end() + 1] == "/" and not unit:
            break  # d/m/y: a date the mask missed
        current = nxt
    last_unit = items[-1][1]
    end = last_unit.end if last_unit else items[-1][0].end()
    return items, end
