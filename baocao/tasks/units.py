"""Names of responsible units in task and follow-up sentences.

Two kinds: named units ("Phòng Kinh tế, Hạ tầng và Đô thị", "Sở Xây dựng",
"phòng Nông nghiệp và Môi trường thành phố") read by a small token scanner — a head
word, then capitalised words joined by ",", "và", "-" — and groups named by a fixed
phrase ("các sở, ban, ngành", "UBND các xã, phường"). Named units are taken only where
the sentence gives them work ("giao …", "… chủ trì", "… tham mưu"), or when the caller
says the whole text is a list of units (`list_mode`).
"""

from __future__ import annotations

import re

from baocao.text.normalize import fold, nfc

HEADS = ("phòng", "sở", "ban", "văn phòng", "công an", "ban chỉ huy quân sự", "trung tâm", "chi cục", "đội",
         "bộ phận", "ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "thanh tra", "hội đồng", "ban quản lý",
         "đảng ủy", "mặt trận", "kho bạc", "chi nhánh", "ban chỉ đạo", "xã", "phường")
_HEADS_LOWER = sorted({tuple(nfc(h).lower().split()) for h in HEADS}, key=len, reverse=True)
_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}  # first word → heads starting with it, longest first
for _head in _HEADS_LOWER:
    _HEADS_BY_FIRST.setdefault(_head[0], []).append(_head)
GROUPS = ("các sở, ban, ngành", "các sở, ngành", "các cơ quan, đơn vị", "các phòng, ban, ngành", "các phòng, ban",
          "các phòng chuyên môn", "các cơ quan chuyên môn", "UBND các xã, phường", "ủy ban nhân dân các xã, phường",
          "UBND các xã", "UBND các phường", "các xã, phường", "các chủ đầu tư", "các ngành, các cấp",
          "các ngành, địa phương")
_GROUP = re.compile(r"(?<!\w)(" + "|".join(re.escape(fold(g)) for g in sorted(GROUPS, key=len, reverse=True)) + r")(?!\w)")
_CUE_BEFORE = re.compile(r"(?:giao(?:\s+cho)?|đề nghị|yêu cầu|chỉ đạo|phân công)\s*$", re.IGNORECASE)
_NOT_ACTOR = re.compile(r"(?:của|theo|với|trình|gửi|tại)\s*$", re.IGNORECASE)  # author, partner or addressee
_CUE_AFTER = re.compile(r"^\s*(?:chủ trì|tham mưu|thực hiện|phối hợp|triển khai|khẩn trương|theo dõi|hướng dẫn)",
                        re.IGNORECASE)
_LOCATION = ("thành phố", "tỉnh", "phường", "xã", "huyện", "thị xã")
_TOKEN = re.compile(r"\w+|[,\-–;:.()]", re.UNICODE)
_CONNECTORS = {",", "và", "-", "–"}
_STOP = {"chủ", "tham", "thực", "phối", "triển", "khẩn", "theo", "hướng", "rà", "tổ", "xây", "đôn", "kiểm", "báo",
         "tiếp", "trình", "có", "đã", "đang", "được", "là", "về", "với", "trong", "để", "cho", "tại", "thuộc", "và",
         "các", "thành", "tỉnh", "phường", "xã", "huyện"}


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word.isupper()


def _head_at(lowered: list[str], i: int) -> int:
    """Number of tokens of a head word starting at token i (0 when none); `lowered`: the tokens in lower case."""
    for head in _HEADS_BY_FIRST.get(lowered[i], ()) if i < len(lowered) else ():
        n = len(head)
        if i + n <= len(lowered) and (n == 1 or tuple(lowered[i : i + n]) == head):
            return n
    return 0


def scan_named(text: str) -> list[tuple[str, int, int]]:
    """Every named unit in `text` as (name, start, end)."""
    tokens = _tokens(text)
    lowered = [t[0].lower() for t in tokens]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        n = _head_at(lowered, i)
        if not n:
            i += 1
            continue
        j = i + n
        last = j - 1
        # the name proper: capitalised words, with connectors only between capitalised words
        lower_run = 9  # lower-case syllables since the last capitalised one (none allowed before it)
        while j < len(tokens):
            word = tokens[j][0]
            if word.isalnum() and _is_cap(word):
                last = j
                j += 1
                lower_run = 0
            elif word.isalpha() and lower_run < 1 and word not in _STOP:
                # Vietnamese names capitalise a word's first syllable only: "Kinh tế", "Đô thị"
                last = j
                j += 1
                lower_run += 1
            elif word in _CONNECTORS and j + 1 < len(tokens) and _is_cap(tokens[j + 1][0]) and tokens[j + 1][0].isalnum():
                if word == "," and _head_at(lowered, j + 1):
                    break  # "phòng A, phòng B": a new unit starts
                j += 1
            else:
                break
        if last == i + n - 1 and n < 2:  # a one-word head with no name ("các phòng") is not a named unit
            i = j if j > i else i + 1
            continue
        end_tok = _location_suffix(tokens, last)
        start, end = tokens[i][1], tokens[end_tok][2]
        out.append((text[start:end], start, end))
        i = end_tok + 1
    return out


def _location_suffix(tokens: list[tuple[str, int, int]], last: int) -> int:
    """Extend a name over a location that belongs to it ("… thành phố", "… phường Tam Thanh")."""
    words = [t[0].lower() for t in tokens[last + 1 : last + 3]]
    for loc in _LOCATION:
        parts = loc.split()
        if words[: len(parts)] == parts:
            end = last + len(parts)
            while end + 1 < len(tokens) and tokens[end + 1][0].isalnum() and _is_cap(tokens[end + 1][0]):
                end += 1
            return end
    return last


def find_groups(text: str) -> list[tuple[str, int, int]]:
    """Unit groups named by a fixed phrase, as printed."""
    folded = fold(text)
    if len(folded) != len(text):  # fold changed lengths (rare decomposed input): report folded spans
        return [(m.group(1), m.start(), m.end()) for m in _GROUP.finditer(folded)]
    return [(text[m.start() : m.end()], m.start(), m.end()) for m in _GROUP.finditer(folded)]


def responsible_units(text: str) -> tuple[str, ...]:
    """Units the sentence gives work to: groups anywhere, named units next to a cue word."""
    found: list[tuple[int, str]] = []
    for name, start, end in scan_named(text):
        before = text[max(0, start - 30) : start]
        if _NOT_ACTOR.search(before):
            continue
        if _CUE_BEFORE.search(before) or _CUE_AFTER.match(text[end : end + 30]):
            found.append((start, name))
    for name, start, _ in find_groups(text):
        found.append((start, name))
    seen: set[str] = set()
    out = []
    for _, name in sorted(found):
        key = fold(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


def split_unit_list(text: str) -> list[str]:
    """A printed list of units ("phòng A, B và C; phòng D thành phố.") into unit names."""
    items = [part.strip(" .;:-–") for part in re.split(r";", text) if part.strip(" .;:-–")]
    out: list[str] = []
    for item in items:
        named = scan_named(item)
        if len(named) > 1:
            out.extend(name for name, _, _ in named)
        elif named:
            out.append(named[0][0] if len(named[0][0]) >= len(item) - 12 else item)
        else:
            out.append(item)
    return out
