"""DOCX through python-docx: paragraphs in order, heading styles, list numbering,
tables, and real footnotes (read from the footnotes part)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from baocao.config import Config
from baocao.errors import InputError
from baocao.read.model import Marker, RawDocument, RawLine
from baocao.read.numbering import Numbering
from baocao.text.normalize import nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_RATIO = 150  # uncompressed/compressed beyond this on a big member is a zip bomb


def score(data: bytes, suffix: str) -> int:
    if data.startswith(b"PK\x03\x04"):
        return 100 if suffix == ".docx" else 60
    return 20 if suffix == ".docx" else 0


def check_zip(data: bytes, config: Config) -> None:
    """Refuse what is not a DOCX, and zip bombs, before python-docx inflates anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("Tệp DOCX hỏng (không phải tệp nén ZIP hợp lệ).", "corrupt_docx") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise InputError("Tệp nén này không phải văn bản Word (DOCX).", "not_docx")
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if info.file_size > 10_000_000 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                raise InputError("Tệp DOCX bất thường (nén quá mức, nghi là 'zip bomb'); đã từ chối.", "zip_bomb")
        if total > config.max_docx_uncompressed:
            raise InputError("Tệp DOCX quá lớn khi giải nén; đã từ chối.", "zip_bomb")


def _run_text(run: Any, markers: list[Marker], ids: dict[str, int], text: str) -> str:
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            text += child.text or ""
        elif tag == f"{W}tab":
            text += "\t"
        elif tag in (f"{W}br", f"{W}cr"):
            text += " "
        elif tag == f"{W}footnoteReference":
            fid = child.get(f"{W}id") or ""
            if fid not in ids:
                ids[fid] = len(ids) + 1
            markers.append(Marker(offset=len(text), number=ids[fid]))
    return text


def paragraph_text(p: Any, ids: dict[str, int]) -> tuple[str, tuple[Marker, ...]]:
    """Text of a w:p element with footnote references turned into markers."""
    markers: list[Marker] = []
    text = ""
    for run in p.iter(f"{W}r"):
        text = _run_text(run, markers, ids, text)
    return text, tuple(markers)


def _style_name(p: Any, styles: dict[str, str]) -> str | None:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        return None
    style = ppr.find(f"{W}pStyle")
    if style is None:
        return None
    sid = style.get(f"{W}val") or ""
    return styles.get(sid, sid)


def read_docx(data: bytes, config: Config) -> RawDocument:
    check_zip(data, config)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError(f"Tệp DOCX hỏng, không đọc được ({type(exc).__name__}).", "corrupt_docx") from None
    styles = {s.style_id: s.name for s in document.styles if getattr(s, "style_id", None)}
    numbering = Numbering.from_document(document)
    ids: dict[str, int] = {}
    lines: list[RawLine] = []
    body = document.element.body
    for block in body.iterchildren():
        if block.tag == f"{W}p":
            text, markers = paragraph_text(block, ids)
            label = numbering.label(block)
            if label:
                shift = len(label) + 1
                text = f"{label} {text}"
                markers = tuple(Marker(m.offset + shift, m.number) for m in markers)
            text, markers = _normalise(text, markers)
            if not text.strip():
                continue
            lines.append(
                RawLine(text=text, kind="body", markers=markers, whole_paragraph=True, style=_style_name(block, styles))
            )
        elif block.tag == f"{W}tbl":
            lines.extend(_table_lines(block, ids))
    lines.extend(_footnotes(document, ids))
    return RawDocument(lines=tuple(lines), kind="docx", pages=1)


def _table_lines(table: Any, ids: dict[str, int]) -> list[RawLine]:
    """A layout table (header block, signature: at most 2 columns and 4 rows) gives each cell's
    paragraphs as lines, left cell first; a data table gives one line per row, cells joined by " | "."""
    rows = list(table.iter(f"{W}tr"))
    cells_of = [list(row.iter(f"{W}tc")) for row in rows]
    layout = len(rows) <= 4 and all(len(c) <= 2 for c in cells_of)
    out: list[RawLine] = []
    if layout:
        for column in range(max((len(c) for c in cells_of), default=0)):
            for cells in cells_of:
                if column < len(cells):
                    for p in cells[column].iter(f"{W}p"):
                        text, markers = _normalise(*paragraph_text(p, ids))
                        if text.strip():
                            out.append(RawLine(text=text, kind="body", markers=markers, whole_paragraph=True))
        return out
    for cells in cells_of:
        texts = [" ".join(paragraph_text(p, ids)[0].strip() for p in cell.iter(f"{W}p")).strip() for cell in cells]
        text = nfc(" | ".join(t for t in texts if t))
        if text:
            out.append(RawLine(text=text, kind="body", whole_paragraph=True, style="table"))
    return out


def _normalise(text: str, markers: tuple[Marker, ...]) -> tuple[str, tuple[Marker, ...]]:
    """NFC-normalise while keeping marker offsets right."""
    if not markers:
        return nfc(text), markers
    out = ""
    moved: list[Marker] = []
    last = 0
    for m in markers:
        out += nfc(text[last : m.offset])
        moved.append(Marker(len(out), m.number))
        last = m.offset
    out += nfc(text[last:])
    return out, tuple(moved)


def _footnotes(document: Any, ids: dict[str, int]) -> list[RawLine]:
    part = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            part = rel.target_part
            break
    if part is None:
        return []
    from lxml import etree

    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return []
    out: list[RawLine] = []
    for note in root.iter(f"{W}footnote"):
        fid = note.get(f"{W}id") or ""
        if fid not in ids:
            continue  # separators and unreferenced notes
        paragraphs = [paragraph_text(p, {})[0] for p in note.iter(f"{W}p")]
        text = nfc(" ".join(p.strip() for p in paragraphs if p.strip()))
        out.append(RawLine(text=text, kind="footnote", footnote=ids[fid], whole_paragraph=True))
    out.sort(key=lambda line: line.footnote or 0)
    return out
