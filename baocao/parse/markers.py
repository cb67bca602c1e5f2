"""Step 3: recognise footnote reference markers in the body and take them out.

Markers are glued to what precedes them (`36.618.000đ4`, `công ty5`, `…)8;`,
`lượt18/60`) and run 1..N in document order. For footnote N we look only
between the marker of N-1 and the place where N's footnote block was printed
(the end of that page), score every place where the digits of N could be a
marker, and take the best. Digits that belong to a value (`988 m2`, `Km18`,
`U11`, `2065 TH`) score zero or low, so a real marker nearby always wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.parse.footnotes import RawFootnote
from baocao.parse.lines import Line
from baocao.parse.model import ParseWarning
from baocao.read.model import Marker

_UNIT_GLUE = re.compile(r"(?:^|[\d\s(/])(?:k?m|cm|dm)[23]$")  # m2, m3, km2: the digit is the unit's power
_CLOSE = set(")]”\"’'%.,;:»")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(\d+)$")  # 36.618.0004 → the digits past a 3-group
_IDENT = re.compile(r"(?:^|[^\w])([A-ZĐ]{1,2}|Km|km|QL|ĐT|TL|HL|ĐH)$")


@dataclass(frozen=True)
class _Candidate:
    pos: int  # in the joined body text
    score: int


def _score(text: str, start: int, end: int) -> int:
    """How likely the digits text[start:end] are a footnote marker (0 = impossible)."""
    after = text[end : end + 1]
    if after.isdigit():
        return 0
    if after and after.isalpha():
        return 0  # "4B", "3D": part of an identifier
    before = text[start - 1] if start > 0 else " "
    head = text[max(0, start - 12) : start]
    if before.isdigit():
        m = _GROUPED.search(text[max(0, start - 20) : end])
        if m and m.group(1) == text[start:end]:
            return 6  # 36.618.000 + marker 4
        if re.search(r"(?:^|[\d\s(/])(?:k?m|cm)[23]$", head):
            return 8  # 106.220m2 + marker 1
        return 0
    if before.isalpha():
        if end - start == 1 and _UNIT_GLUE.search(head + text[start:end]):
            return 0  # m2, m3, km2
        if _IDENT.search(head):
            return 1  # U11, Km18, QL1: identifiers, not markers
        word = re.search(r"(\w+)$", head)
        if word and word.group(1).isupper() and len(word.group(1)) >= 2:
            return 5  # UBND2: an acronym then a marker — possible
        return 10
    if before in ",." and start >= 2 and text[start - 2].isdigit():
        return 0  # "4,4%": a decimal mark, not punctuation before a marker
    if before in _CLOSE:
        return 9
    if before in " \t\n":
        # "chi tiết 3;" — a marker printed after a space: only before punctuation or a line end
        if after in (";", ",", ".", ":", ")", "\n", "") and not re.search(r"\d[.,]?\s*$", head):
            return 2
        return 0
    if before in "/-–":
        return 0
    return 3


def _candidates(text: str, number: int, lo: int, hi: int) -> list[_Candidate]:
    digits = str(number)
    out: list[_Candidate] = []
    for m in re.finditer(re.escape(digits), text[lo:hi]):
        start = lo + m.start()
        end = start + len(digits)
        score = _score(text, start, end)
        if score > 0:
            out.append(_Candidate(start, score))
    return out


def find_markers(body: list[Line], notes: list[RawFootnote]) -> list[ParseWarning]:
    """Locate markers of footnotes the reader did not mark, remove their digits from the lines."""
    warnings: list[ParseWarning] = []
    known = {m.number for line in body for m in line.markers}
    joined, starts = _join(body)
    removals: list[tuple[int, int, int]] = []  # (pos, length, number)
    lo = 0
    for note in notes:
        if note.number in known:
            continue
        hi = starts[note.block_at] if note.block_at < len(starts) else len(joined)
        if note.block_at >= len(starts):
            hi = len(joined)
        found = _candidates(joined, note.number, lo, hi)
        if not found:
            # tolerate a block printed before its marker's line (layout quirks): look a little further
            found = _candidates(joined, note.number, lo, min(len(joined), hi + 400))
        if not found:
            warnings.append(
                ParseWarning("footnote_marker_missing", f"Không tìm thấy vị trí dấu chú thích số {note.number}.",
                             f"footnote {note.number}")
            )
            continue
        best = max(found, key=lambda c: (c.score, -abs(hi - c.pos) if c.score < 5 else c.pos))
        removals.append((best.pos, len(str(note.number)), note.number))
        lo = best.pos + len(str(note.number))
    _apply(body, starts, removals)
    return warnings


def _join(body: list[Line]) -> tuple[str, list[int]]:
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for line in body:
        starts.append(pos)
        parts.append(line.text)
        pos += len(line.text) + 1
    return "\n".join(parts), starts


def _apply(body: list[Line], starts: list[int], removals: list[tuple[int, int, int]]) -> None:
    import bisect

    per_line: dict[int, list[tuple[int, int, int]]] = {}
    for pos, length, number in removals:
        i = bisect.bisect_right(starts, pos) - 1
        per_line.setdefault(i, []).append((pos - starts[i], length, number))
    for i, items in per_line.items():
        line = body[i]
        shift = 0
        text = line.text
        for offset, length, number in sorted(items):
            at = offset - shift
            text = text[:at] + text[at + length :]
            line.markers.append(Marker(offset=at, number=number))
            shift += length
        line.text = text
        line.markers.sort(key=lambda m: m.offset)
