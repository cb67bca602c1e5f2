"""Lay a composed report out as the text layer of a signed PDF (seeds' style).

Every printed line is followed by an empty line; pages of ~40 lines end with
the block of the footnotes whose markers fell on the page (a line of 43
spaces, then `N text…`; a footnote that does not fit continues in the next
page's block after a longer separator line); the first line of every page
begins with a space. Offsets of every fact, non-fact, marker and heading in
the final text are tracked exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from baocao.synth.compose import FactSpec, NonFactSpec, Para

SEPARATOR = " " * 43
LONG_SEPARATOR = " " * 132


@dataclass
class Span:
    start: int
    end: int
    obj: object  # FactSpec | NonFactSpec | ("marker", n)


@dataclass
class Rendered:
    text: str
    spans: list[Span]
    clean: str = ""  # text without footnote markers
    clean_marks: dict[int, int] = field(default_factory=dict)  # footnote number -> offset in clean


@dataclass
class Line:
    text: str
    source: object | None = None  # the Para (or footnote Para) this slice comes from
    src_start: int = 0
    kind: str = "body"  # body | fn | sep | page
    fn_first: int | None = None  # footnote number when this line starts a footnote
    markers: tuple[int, ...] = ()  # footnote markers printed on this line


@dataclass
class Placed:
    text: str
    para_offsets: dict[int, list[tuple[int, int, int]]]  # id(para) -> [(src_start, src_end, out_start)]
    page_count: int
    page_numbers: list[tuple[int, int, str]]  # (start, end, raw)
    fn_labels: dict[int, int]  # footnote number -> offset of its label


def number_footnotes(blocks: list[Para]) -> list[Para]:
    """Footnote paragraphs in marker order; sets `number` on each."""
    notes: list[Para] = []
    for block in blocks:
        for note in block.notes():
            notes.append(note)
            note.number = str(len(notes))
    return notes


def render(para: Para, prefix: str = "") -> Rendered:
    out: list[str] = [prefix]
    clean: list[str] = [prefix]
    pos, cpos = len(prefix), len(prefix)
    spans: list[Span] = []
    marks: dict[int, int] = {}
    for kind, obj in para.parts:
        if kind == "t":
            text = str(obj)
        elif kind == "f":
            assert isinstance(obj, FactSpec)
            text = obj.printed()
            spans.append(Span(pos, pos + len(obj.raw), obj))
        elif kind == "x":
            assert isinstance(obj, NonFactSpec)
            text = obj.raw
            spans.append(Span(pos, pos + len(text), obj))
        else:
            assert isinstance(obj, Para)
            n = int(obj.number)
            text = str(n)
            spans.append(Span(pos, pos + len(text), ("marker", n)))
            marks[n] = cpos
            out.append(text)
            pos += len(text)
            continue
        out.append(text)
        clean.append(text)
        pos += len(text)
        cpos += len(text)
    return Rendered("".join(out), spans, "".join(clean), marks)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Slices of `text` of at most ~width characters, broken after spaces."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut < 0:
                break
        out.append((start, cut + 1))
        start = cut + 1
    if start < n:
        out.append((start, n))
    return out


def para_lines(para: Para, rendered: Rendered, width: int) -> list[Line]:
    slices = [(0, len(rendered.text))] if not para.wrap else wrap(rendered.text, width)
    lines = []
    for a, b in slices:
        marks = tuple(s.obj[1] for s in rendered.spans if isinstance(s.obj, tuple) and a <= s.start < b)
        lines.append(Line(rendered.text[a:b], para, a, markers=marks))
    return lines


def paginate(body: list[Line], notes: dict[int, list[Line]], rng: random.Random, capacity: int,
             page_numbers: bool) -> Placed:
    """Cut lines into pages, insert footnote blocks, and join everything into the text."""
    pages: list[tuple[list[Line], list[Line], bool]] = []  # body, footnote lines, starts with continuation
    cur_body: list[Line] = []
    cur_fn: list[Line] = []
    cont = False
    carry: list[Line] = []

    def close() -> None:
        nonlocal cur_body, cur_fn, cont, carry
        pages.append((cur_body, cur_fn, cont))
        cur_body, cur_fn = [], list(carry)
        cont = bool(carry)
        carry = []

    for line in body:
        need: list[Line] = []
        for n in _markers_on(line):
            need.extend(notes.get(n, []))
        while True:
            fixed = len(cur_body) + 1 + (1 + len(cur_fn) if (cur_fn or need) else 0)
            room = capacity - fixed
            if room >= len(need):
                cur_body.append(line)
                cur_fn.extend(need)
                break
            if not cur_body or (len(cur_body) >= 8 and room >= 2 and need):
                cur_body.append(line)
                keep = max(1, room)
                cur_fn.extend(need[:keep])
                carry = need[keep:]
                close()
                break
            close()
        if len(cur_body) + (1 + len(cur_fn) if cur_fn else 0) >= capacity:
            close()
    if cur_body or cur_fn:
        pages.append((cur_body, cur_fn, cont))
        carry = []

    parts: list[str] = []
    pos = 0
    offsets: dict[int, list[tuple[int, int, int]]] = {}
    numbers: list[tuple[int, int, str]] = []
    labels: dict[int, int] = {}

    def emit(line: Line, lead: str = "", blank: bool = True) -> None:
        nonlocal pos
        text = lead + line.text
        if line.source is not None:
            offsets.setdefault(id(line.source), []).append(
                (line.src_start, line.src_start + len(line.text), pos + len(lead)))
        if line.fn_first is not None:
            labels[line.fn_first] = pos + len(lead)
        parts.append(text + "\n" + ("\n" if blank else ""))
        pos += len(text) + 1 + (1 if blank else 0)

    for index, (page_body, page_fn, continued) in enumerate(pages):
        first = True
        if page_numbers and index > 0:
            raw = str(index + 1)
            numbers.append((pos + 1, pos + 1 + len(raw), raw))
            emit(Line(raw, kind="page"), lead=" ")
            first = False
        for line in page_body:
            emit(line, lead=" " if first else "")
            first = False
        if page_fn:
            emit(Line(LONG_SEPARATOR if continued else SEPARATOR, kind="sep"), blank=False)
            for i, line in enumerate(page_fn):
                nxt = page_fn[i + 1] if i + 1 < len(page_fn) else None
                blank = not (nxt is not None and nxt.fn_first is not None and rng.random() < 0.15)
                emit(line, blank=blank)
    return Placed("".join(parts), offsets, len(pages), numbers, labels)


def _markers_on(line: Line) -> tuple[int, ...]:
    return line.markers


def out_offset(placed: Placed, para: Para, src_pos: int) -> int:
    """Offset in the final text of character `src_pos` of the rendered paragraph."""
    for start, end, out in placed.para_offsets.get(id(para), []):
        if start <= src_pos < end:
            return out + (src_pos - start)
    raise KeyError(src_pos)
