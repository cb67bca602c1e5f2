"""Step 1 of parsing: tidy the reader's lines into a stream of classified lines.

The text layer of a signed PDF puts an empty line after every printed line,
prints page numbers alone on a line and starts every page with a space.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from baocao.read.model import Marker, RawDocument, RawLine

SEPARATOR_MIN = 15  # a footnote separator is a line of at least this many spaces
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(\d{1,3})(?:\s*-)?\s*$")


@dataclass
class Line:
    """A line of the stream; mutable while parsing steps refine it."""

    text: str
    page: int
    index: int  # position in the reader's line list
    kind: str = "unknown"  # body | footnote | page_number | separator | blank
    page_start: bool = False
    markers: list[Marker] = field(default_factory=list)
    whole_paragraph: bool = False
    style: str | None = None
    footnote: int | None = None
    size: float | None = None
    bold: bool = False


def is_double_spaced(lines: tuple[RawLine, ...]) -> bool:
    """True when (nearly) every printed line is followed by an empty line."""
    texts = [line.text for line in lines]
    if len(texts) < 6:
        return False
    empty = sum(1 for t in texts if t == "")
    adjacent = sum(1 for a, b in itertools.pairwise(texts) if a != "" and b != "")
    content = len(texts) - empty
    return empty >= 0.8 * content and adjacent <= 0.1 * content


def to_stream(raw: RawDocument) -> list[Line]:
    """Drop the text layer's spacing lines, classify page numbers, separators and blanks."""
    double = is_double_spaced(raw.lines)
    out: list[Line] = []
    page = 1
    last_page = 1
    for i, rl in enumerate(raw.lines):
        if double and rl.text == "":
            continue
        line = Line(
            text=rl.text.rstrip("\r"),
            page=rl.page,
            index=i,
            kind=rl.kind,
            markers=list(rl.markers),
            whole_paragraph=rl.whole_paragraph,
            style=rl.style,
            footnote=rl.footnote,
            size=rl.size,
            bold=rl.bold,
        )
        stripped = line.text.strip()
        if rl.kind == "unknown":
            if not stripped:
                line.kind = "separator" if len(line.text) >= SEPARATOR_MIN else "blank"
            elif _PAGE_NUMBER.match(line.text) and _plausible_page_number(line.text, out):
                line.kind = "page_number"
            else:
                line.kind = "body"
            if raw.kind == "text":
                # pages of the text layer: a form feed (reader), or a line that starts with a space
                if line.kind == "body" and line.text.startswith(" ") and out and _prev_content_unindented(out):
                    page += 1
                    line.page_start = True
                if line.kind == "page_number":
                    page += 1
                    line.page_start = True
                line.page = max(page, rl.page)
        if line.page != last_page:
            line.page_start = True
            last_page = line.page
        out.append(line)
    return out


def _plausible_page_number(text: str, before: list[Line]) -> bool:
    m = _PAGE_NUMBER.match(text)
    if not m:
        return False
    n = int(m.group(1))
    return 1 <= n <= 500 and len(before) > 3


def _prev_content_unindented(before: list[Line]) -> bool:
    for line in reversed(before):
        if line.kind in ("blank", "page_number"):
            continue
        return not line.text.startswith(" ") or line.kind in ("separator", "footnote")
    return True
