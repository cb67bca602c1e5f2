"""Heading and list-item patterns, their levels, and numbering checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from baocao.parse.model import ParseWarning, Section

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

ROMAN = re.compile(r"^\s*((?:X{0,3})(?:IX|IV|V?I{0,3}))\s*[.:]\s*(\S.*)$")
PART = re.compile(r"^\s*(Phần\s+thứ\s+\S+|PHẦN\s+THỨ\s+\S+|Phần\s+[IVX]+|PHẦN\s+[IVX]+)\s*[.:]?\s*(.*)$")
DOTTED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(?=\S)(.*)$")
DOTTED_NO_TRAIL = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=[A-ZĐÀ-Ỹa-zđ])(.*)$")
LETTER = re.compile(r"^\s*([a-zđ])\s*\)\s*(\S.*)$")
BULLET = re.compile(r"^\s*([-–*+•])\s+(\S.*)$")


@dataclass(frozen=True)
class HeadingMatch:
    kind: str  # "part", "roman", "dotted", "letter", "bullet"
    number: str
    rest: str
    level: int


def roman_value(text: str) -> int:
    total = 0
    prev = 0
    for ch in reversed(text.upper()):
        value = ROMAN_VALUES.get(ch, 0)
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


@lru_cache(maxsize=8192)
def match_heading(text: str) -> HeadingMatch | None:
    """Recognise a numbered heading or list item at the start of a line."""
    m = PART.match(text)
    if m:
        return HeadingMatch("part", m.group(1).strip(), m.group(2).strip(), 0)
    m = ROMAN.match(text)
    if m and m.group(1) and m.group(2)[:1].isupper():
        return HeadingMatch("roman", m.group(1), m.group(2).strip(), 1)
    m = DOTTED.match(text) or DOTTED_NO_TRAIL.match(text)
    if m:
        rest = m.group(2).strip()
        number = m.group(1)
        if not rest or not (rest[0].isalpha() or rest[0] in "(“\"'"):
            return None
        if "." not in number and int(number) > 40:
            return None
        return HeadingMatch("dotted", number, rest, 1 + len(number.split(".")))
    m = LETTER.match(text)
    if m:
        return HeadingMatch("letter", m.group(1), m.group(2).strip(), 5)
    m = BULLET.match(text)
    if m:
        return HeadingMatch("bullet", m.group(1), m.group(2).strip(), 6)
    return None


_LOWER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=8192)
def is_all_caps(text: str) -> bool:
    """Mostly upper-case letters (titles, headings, signature lines)."""
    letters = _LOWER.findall(text)
    if len(letters) < 6:
        return False
    upper = sum(map(str.isupper, letters))
    return upper >= 0.85 * len(letters)


def ordinal(number: str, kind: str) -> tuple[int, ...]:
    """Comparable value of a printed number: "II" → (2,), "1.2" → (1, 2), "b" → (2,)."""
    if kind == "roman":
        return (roman_value(number),)
    if kind == "letter":
        return (ord(number) - ord("a") + 1 if number != "đ" else 5,)
    if kind == "dotted":
        return tuple(int(p) for p in number.split(".") if p)
    return ()


def numbering_warnings(
    items: list[tuple[str, str, str]], parent_number: str, location: str
) -> list[ParseWarning]:
    """Duplicated, skipped or out-of-order numbers among siblings.

    `items`: (kind, number as printed, id) of the numbered children of one parent, in order.
    """
    out: list[ParseWarning] = []
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for kind, number, node_id in items:
        by_kind.setdefault(kind, []).append((number, node_id))
    for kind, numbers in by_kind.items():
        prev: tuple[int, ...] | None = None
        prev_number = ""
        for number, node_id in numbers:
            value = ordinal(number, kind)
            if not value:
                continue
            if kind == "dotted" and len(value) > 1 and parent_number and "." in number:
                prefix = number.rsplit(".", 1)[0]
                if parent_number.replace(" ", "") not in (prefix,):
                    out.append(ParseWarning(
                        "heading_prefix_mismatch",
                        f"Mục «{number}» nằm trong mục «{parent_number}».",
                        node_id,
                    ))
            if prev is not None:
                last = value[-1]
                prev_last = prev[-1]
                if value == prev:
                    out.append(ParseWarning(
                        "heading_duplicate", f"Số mục «{number}» bị lặp (đứng sau «{prev_number}»).", node_id
                    ))
                elif value[:-1] == prev[:-1] and last > prev_last + 1:
                    out.append(ParseWarning(
                        "heading_skipped", f"Số mục nhảy từ «{prev_number}» sang «{number}».", node_id
                    ))
                elif value[:-1] == prev[:-1] and last < prev_last:
                    out.append(ParseWarning(
                        "heading_out_of_order", f"Số mục «{number}» đứng sau «{prev_number}».", node_id
                    ))
            elif value[-1] > 1 and kind in ("roman", "dotted", "letter") and location != "list":
                out.append(ParseWarning(
                    "heading_skipped", f"Mục đầu tiên mang số «{number}» thay vì bắt đầu từ 1.", node_id
                ))
            prev = value
            prev_number = number
    return out


def walk_numbering(sections: tuple[Section, ...], parent_number: str = "") -> list[ParseWarning]:
    """Numbering warnings over the whole section tree (headings and numbered paragraphs)."""
    out: list[ParseWarning] = []
    items: list[tuple[str, str, str]] = []
    for s in sections:
        kind = heading_kind(s.number)
        if kind:
            items.append((kind, s.number, s.id))
    out.extend(numbering_warnings(items, parent_number, "sections"))
    for s in sections:
        para_items = [
            (heading_kind(p.number), p.number, p.id) for p in s.paragraphs if p.number and heading_kind(p.number)
        ]
        child_items = [(heading_kind(c.number), c.number, c.id) for c in s.children if heading_kind(c.number)]
        if para_items and not child_items:
            out.extend(numbering_warnings(para_items, s.number, "list"))
        out.extend(walk_numbering(s.children, s.number))
    return out


def heading_kind(number: str | None) -> str:
    if not number:
        return ""
    if re.fullmatch(r"[IVXLC]+", number):
        return "roman"
    if re.fullmatch(r"\d+(?:\.\d+)*", number):
        return "dotted"
    if re.fullmatch(r"[a-zđ]", number):
        return "letter"
    return ""
