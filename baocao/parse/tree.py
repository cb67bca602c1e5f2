"""Step: blocks into the section tree, the clean text, paragraphs and footnotes."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from baocao.parse.blocks import Block
from baocao.parse.footnotes import RawFootnote, join_parts
from baocao.parse.model import Footnote, Paragraph, ParseWarning, Section

ANCHOR = 40


@dataclass
class _Node:
    id: str
    number: str
    title: str
    level: int
    page: int
    start: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(
            id=self.id,
            number=self.number,
            title=self.title,
            level=self.level,
            paragraphs=tuple(self.paragraphs),
            children=tuple(c.freeze() for c in self.children),
            page=self.page,
            start=self.start,
        )


@dataclass
class Built:
    sections: tuple[Section, ...]
    preamble: tuple[Paragraph, ...]
    text: str
    footnotes: tuple[Footnote, ...]
    title: str | None
    warnings: list[ParseWarning]


def build(blocks: list[Block], raw_notes: list[RawFootnote]) -> Built:
    roots: list[_Node] = []
    stack: list[_Node] = []
    preamble: list[Paragraph] = []
    lines: list[str] = []
    pos = 0
    marker_at: dict[int, tuple[str, int, str]] = {}  # footnote number → (paragraph id, offset, anchor)
    warnings: list[ParseWarning] = []
    title_parts: list[str] = []
    n_sections = 0
    n_paragraphs = 0

    def emit(text: str) -> int:
        nonlocal pos
        start = pos
        lines.append(text)
        pos += len(text) + 1
        return start

    def add_paragraph(text: str, block: Block, number: str | None, markers_from: int = 0) -> None:
        nonlocal n_paragraphs
        if not text.strip():
            return
        n_paragraphs += 1
        pid = f"p{n_paragraphs}"
        start = emit(text)
        numbers = []
        for m in block.markers:
            offset = m.offset - markers_from
            if offset < 0:
                continue
            offset = min(offset, len(text))
            if m.number in marker_at:
                warnings.append(ParseWarning("footnote_marker_repeated",
                                             f"Dấu chú thích số {m.number} xuất hiện nhiều lần.", pid))
                continue
            marker_at[m.number] = (pid, offset, text[max(0, offset - ANCHOR) : offset])
            numbers.append(m.number)
        para = Paragraph(id=pid, text=text, footnotes=tuple(sorted(numbers)), number=number, page=block.page,
                         start=start)
        if stack:
            stack[-1].paragraphs.append(para)
        else:
            preamble.append(para)

    def open_section(number: str, title: str, level: int, block: Block, line: str) -> _Node:
        nonlocal n_sections
        n_sections += 1
        node = _Node(id=f"s{n_sections}", number=number, title=title, level=level, page=block.page, start=emit(line))
        while stack and stack[-1].level >= level:
            stack.pop()
        if stack:
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
        return node

    for i, block in enumerate(blocks):
        if block.kind == "title":
            prev = blocks[i - 1] if i else None
            if not roots and not preamble and not stack:
                title_parts.append(block.text)
                continue
            if prev is not None and prev.kind == "heading" and prev.heading_kind == "part" and stack and not stack[-1].title:
                stack[-1].title = block.text
                lines[-1] = f"{lines[-1]} {block.text}".strip()
                pos += len(block.text) + 1
                continue
            level = stack[-1].level + 1 if stack and stack[-1].level == 0 else 1
            open_section("", block.text, level, block, block.text)
            continue
        if block.kind in ("heading", "heading+paragraph"):
            number = block.number or ""
            line = f"{number}. {block.title}".strip() if block.heading_kind in ("roman", "dotted") else (
                f"{number}) {block.title}" if block.heading_kind == "letter" else f"{number} {block.title}".strip()
            )
            if not number:
                line = block.title
            open_section(number, block.title, block.level, block, line)
            if block.kind == "heading+paragraph":
                add_paragraph(block.text, block, None)
            continue
        item = block.number if block.heading_kind in ("dotted", "letter") else None
        add_paragraph(block.text, block, item)

    footnotes: list[Footnote] = []
    for note in raw_notes:
        where = marker_at.get(note.number)
        footnotes.append(
            Footnote(
                number=note.number,
                text=join_parts(note.parts),
                paragraph=where[0] if where else None,
                offset=where[1] if where else None,
                anchor=where[2] if where else "",
                page=note.page,
            )
        )
    order = [n for n, _ in sorted(marker_at.items(), key=lambda kv: (int(kv[1][0][1:]), kv[1][1]))]
    for a, b in itertools.pairwise(order):
        if b < a:
            warnings.append(ParseWarning("footnote_marker_order",
                                         f"Dấu chú thích số {b} đứng trước số {a} trong văn bản.", f"footnote {b}"))
    return Built(
        sections=tuple(r.freeze() for r in roots),
        preamble=tuple(preamble),
        text="\n".join(lines),
        footnotes=tuple(footnotes),
        title=" ".join(title_parts) or None,
        warnings=warnings,
    )
