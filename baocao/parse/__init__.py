"""Stage 2 — parse: the reader's lines into the document model.

`parse()` runs the steps in order; each step is a small module of its own.
"""

from __future__ import annotations

from baocao.parse.blocks import assemble
from baocao.parse.closing import find_closing_start, parse_closing
from baocao.parse.footnotes import split_footnotes
from baocao.parse.header import parse_header
from baocao.parse.headings import walk_numbering
from baocao.parse.lines import to_stream
from baocao.parse.markers import find_markers
from baocao.parse.meta import build_meta
from baocao.parse.model import Document, ParseWarning, Section, SourceInfo
from baocao.parse.tree import build
from baocao.read.model import RawDocument


def parse(raw: RawDocument, source: SourceInfo | None = None) -> Document:
    stream = to_stream(raw)  # 1. spacing lines, page numbers, separators
    split = split_footnotes(stream)  # 2. footnote blocks out of the body
    warnings: list[ParseWarning] = list(split.warnings)
    warnings += find_markers(split.body, split.footnotes)  # 3. markers glued to words and numbers
    content = [line for line in split.body if line.kind == "body"]
    cut = find_closing_start(content)  # 4. recipients and signature
    all_text = "\n".join(line.text for line in stream)
    closing = parse_closing(content[cut:], all_text)
    header = parse_header(content[:cut])  # 5. header block, when printed
    blocks = assemble(content[header.consumed : cut])  # 6. paragraphs and headings
    built = build(blocks, split.footnotes)  # 7. section tree, clean text, footnotes
    warnings += built.warnings
    warnings += walk_numbering(built.sections)  # 8. numbering as printed, warned where wrong
    sections_flat = _flatten(built.sections)
    paragraphs = [p.text for p in built.preamble] + [p.text for s in sections_flat for p in s.paragraphs]
    meta = build_meta(header, closing, built.title, sections_flat, paragraphs, built.text)  # 9. meta
    if not built.text.strip():
        warnings.append(ParseWarning("empty_body", "Không tìm thấy nội dung báo cáo.", ""))
    return Document(
        meta=meta,
        sections=built.sections,
        footnotes=built.footnotes,
        text=built.text,
        warnings=tuple(warnings),
        source=source,
        preamble=built.preamble,
    )


def _flatten(sections: tuple[Section, ...]) -> list[Section]:
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(_flatten(s.children))
    return out
