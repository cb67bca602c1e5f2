"""Sentences and clauses of a text, with offsets (numbers like 1.809,6 never end a sentence)."""

from __future__ import annotations

import re

_CANDIDATE = re.compile(r"\./\.|[.!?…][)”\"’»]*(?=\s|$)")
_NEXT = re.compile(r"\s*(\S?)")  # the first character after spaces ("" at the end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split where a full stop is followed by a capital letter, a digit, an opening mark or the end."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        nxt = _NEXT.match(text, end)
        following = nxt.group(1) if nxt else ""
        if following and not (following.isupper() or following in "“\"(-–*+•"):
            continue
        if m.group(0).startswith(".") and m.start() > 0 and text[m.start() - 1].isdigit() and following.isdigit():
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def span_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return spans[-1]


def clause_start(text: str, sentence_start: int, pos: int) -> int:
    """Start of the clause holding `pos`: after the last ';', ':' or '(' before it in the sentence."""
    return max(sentence_start, *(text.rfind(mark, sentence_start, pos) + 1 for mark in ";:("))
