r"""Searching only where a match can begin.

Python's `re` tries a pattern that opens with a look-behind or `\b` at every position of a
text. Most patterns about numbers ("(?<![\d/])\d{1,2}/…") can only match where a run of
digits begins, and patterns about words only where one of their first words is printed; a
text has few such places. `finditer_at` tries the pattern only there, in order, and finds
exactly the matches `pattern.finditer` finds, several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_RUN = re.compile(r"\d+")


def digit_starts(text: str) -> list[int]:
    """Offsets where a run of digits begins (a digit not preceded by a digit)."""
    return [m.start() for m in _RUN.finditer(text)]


def literal_starts(text: str, literals: tuple[str, ...]) -> list[int]:
    """Offsets where one of `literals` is printed (case-sensitive), in order, overlaps included."""
    found: set[int] = set()
    for literal in literals:
        at = text.find(literal)
        while at >= 0:
            found.add(at)
            at = text.find(literal, at + 1)
    return sorted(found)


def finditer_words(pattern: re.Pattern[str], text: str, words: tuple[str, ...], low: str | None = None,
                   digits: bool = False) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern compiled with IGNORECASE whose matches all begin
    with one of `words` (lower case) or, with `digits`, a run of digits. `low` is `text.lower()`.

    The words' letters must have no case variants but their upper and lower case ("K", the
    Kelvin sign, lowers to "k" too; "ı" and "ſ" do not): test_starts checks the words in use.
    """
    low = text.lower() if low is None else low
    if len(low) != len(text):  # "İ" lowers to two characters: offsets would not line up
        return pattern.finditer(text)
    starts = literal_starts(low, words)
    if digits:
        starts = sorted({*starts, *digit_starts(text)})
    return finditer_at(pattern, text, starts)


def finditer_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches are never empty and all begin at
    one of `starts` (sorted): `digit_starts(text)` when every match begins a run of digits
    (its first character is a digit and its look-behind excludes one), `literal_starts` when
    it begins with one of a few case-sensitive words.

    A match is tried at each start, as `finditer` would find it: the next search begins
    where the last match ended. (`match` at an offset still sees the text before it, so
    look-behinds behave the same.)
    """
    floor = 0
    for start in starts:
        if start >= floor:
            m = pattern.match(text, start)
            if m is not None:
                floor = m.end()
                yield m
