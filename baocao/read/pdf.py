"""PDF with a text layer, through pdfplumber: lines, font sizes, superscript markers.

What the PDF knows and plain text loses: the font size tells footnote lines
from body lines and superscript reference markers from digits that belong to a
value; the vertical position tells page numbers; pages are explicit.
"""

from __future__ import annotations

import io
import logging
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from baocao.config import Config
from baocao.errors import InputError
from baocao.read.model import Marker, RawDocument, RawLine
from baocao.text.normalize import nfc

# pdfminer logs every oddity of real-world PDFs at WARNING; they are not the user's business.
for _name in ("pdfminer", "pdfplumber", "pypdf"):
    logging.getLogger(_name).setLevel(logging.ERROR)

MIN_CHARS_PER_PAGE = 25  # below this a page is taken to have no text layer


@dataclass
class _Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


def score(data: bytes, suffix: str) -> int:
    return 100 if data.startswith(b"%PDF") else (20 if suffix == ".pdf" else 0)


def open_pdf(data: bytes, config: Config) -> Any:
    """Open with pdfplumber, refusing encrypted, corrupt and oversized PDFs with one clear line."""
    import pdfplumber
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("PDF được bảo vệ bằng mật khẩu; hãy gửi bản không đặt mật khẩu.", "encrypted")
        pages = len(reader.pages)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise InputError(f"PDF hỏng, không đọc được ({type(exc).__name__}).", "corrupt_pdf") from None
    except Exception as exc:  # pypdf raises many kinds on broken files
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise InputError("PDF được bảo vệ bằng mật khẩu; hãy gửi bản không đặt mật khẩu.", "encrypted") from None
        raise InputError(f"PDF hỏng, không đọc được ({type(exc).__name__}).", "corrupt_pdf") from None
    if pages == 0:
        raise InputError("PDF không có trang nào.", "empty")
    if pages > config.max_pdf_pages:
        raise InputError(f"PDF có {pages} trang, vượt giới hạn {config.max_pdf_pages} trang.", "too_many_pages")
    try:
        return pdfplumber.open(io.BytesIO(data), password="")
    except Exception as exc:
        raise InputError(f"PDF hỏng, không đọc được ({type(exc).__name__}).", "corrupt_pdf") from None


def page_glyphs(page: Any) -> list[_Glyph]:
    """Characters of one page with combining marks attached to their base letter."""
    glyphs: list[_Glyph] = []
    for ch in page.chars:
        text = ch.get("text") or ""
        if not text:
            continue
        if glyphs and all(unicodedata.combining(c) for c in text):
            glyphs[-1].text += text
            continue
        font = str(ch.get("fontname", ""))
        glyphs.append(
            _Glyph(
                text=text,
                x0=float(ch["x0"]),
                x1=float(ch["x1"]),
                top=float(ch["top"]),
                bottom=float(ch["bottom"]),
                size=float(ch.get("size") or 0.0),
                bold="Bold" in font or "bold" in font,
            )
        )
    return glyphs


def _cluster_lines(glyphs: list[_Glyph], body_size: float) -> list[list[_Glyph]]:
    """Group glyphs into printed lines by baseline; small raised digits join the line they sit on."""
    small = [g for g in glyphs if g.text.strip().isdigit() and g.size < 0.9 * body_size]
    normal = [g for g in glyphs if not (g.text.strip().isdigit() and g.size < 0.9 * body_size)]
    lines: list[list[_Glyph]] = []
    for g in sorted(normal, key=lambda g: (round(g.bottom, 1), g.x0)):
        tol = max(1.5, 0.3 * g.size)
        if lines and abs(lines[-1][0].bottom - g.bottom) <= tol:
            lines[-1].append(g)
        else:
            lines.append([g])
    orphans: list[list[_Glyph]] = []
    for g in small:
        best: list[_Glyph] | None = None
        best_distance = 1e9
        for line in lines:
            top = min(x.top for x in line)
            baseline = max(x.bottom for x in line)
            if top - 2 <= g.bottom <= baseline + 1:
                distance = abs(baseline - g.bottom)
                if distance < best_distance:
                    best, best_distance = line, distance
        if best is None:
            orphans.append([g])
        else:
            best.append(g)
    return sorted(lines + orphans, key=lambda line: max(x.bottom for x in line))


def _line_text(glyphs: list[_Glyph], body_size: float) -> tuple[str, tuple[Marker, ...], float, bool, list[str]]:
    """Text of one line, with superscript digit runs turned into markers; split at wide gaps."""
    glyphs = sorted(glyphs, key=lambda g: g.x0)
    sizes = [g.size for g in glyphs if g.text.strip()]
    main = statistics.median(sizes) if sizes else body_size
    baseline = statistics.median([g.bottom for g in glyphs if g.size >= 0.9 * main] or [glyphs[0].bottom])
    parts: list[str] = []
    columns: list[str] = []
    markers: list[Marker] = []
    text = ""
    prev: _Glyph | None = None
    pending_digits = ""
    pending_at = 0

    def flush_marker() -> None:
        nonlocal pending_digits
        if pending_digits:
            markers.append(Marker(offset=pending_at, number=int(pending_digits)))
            pending_digits = ""

    for g in glyphs:
        is_sup = (
            g.text.isdigit()
            and g.size < 0.9 * main
            and g.bottom < baseline - 0.15 * main
        )
        if prev is not None:
            gap = g.x0 - prev.x1
            if gap > 4 * main and text.strip():
                flush_marker()
                columns.append(text)
                text = ""
            elif gap > 0.2 * min(main, max(g.size, 1.0)) and not text.endswith(" ") and g.text != " " and not is_sup:
                flush_marker()
                text += " "
        if is_sup:
            if not pending_digits:
                pending_at = len(text)
            pending_digits += g.text
        else:
            flush_marker()
            text += g.text
        prev = g
    flush_marker()
    parts = [*columns, text]
    bold = sum(1 for g in glyphs if g.bold) > len(glyphs) / 2
    return parts[-1], tuple(markers), main, bold, parts[:-1]


def read_pdf(data: bytes, config: Config) -> RawDocument:
    pdf = open_pdf(data, config)
    try:
        pages = [page_glyphs(page) for page in pdf.pages]
        heights = [float(page.height) for page in pdf.pages]
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"PDF hỏng, không đọc được ({type(exc).__name__}).", "corrupt_pdf") from None
    finally:
        pdf.close()
    total = sum(len(p) for p in pages)
    if total < MIN_CHARS_PER_PAGE * len(pages):
        from baocao.read.ocr import ocr_pdf

        return ocr_pdf(data, config)
    return lines_from_glyphs(pages, heights, kind="pdf")


def lines_from_glyphs(pages: list[list[_Glyph]], heights: list[float], kind: str) -> RawDocument:
    sizes = Counter(round(g.size, 1) for page in pages for g in page if g.text.strip())
    body_size = sizes.most_common(1)[0][0] if sizes else 12.0
    out: list[RawLine] = []
    for number, (glyphs, height) in enumerate(zip(pages, heights, strict=True), start=1):
        in_footnotes = False
        for line in _cluster_lines(glyphs, body_size):
            text, markers, size, bold, left_columns = _line_text(line, body_size)
            for column in left_columns:
                out.append(RawLine(text=nfc(column), page=number, size=size, bold=bold))
            text = nfc(text)
            stripped = text.strip()
            top = min(g.top for g in line)
            if not stripped and not markers:
                continue
            if stripped.isdigit() and len(stripped) <= 3 and (top < 0.1 * height or top > 0.88 * height):
                out.append(RawLine(text=stripped, page=number, kind="page_number", size=size))
                continue
            small = size < 0.88 * body_size
            if small and (in_footnotes or (markers and markers[0].offset == 0) or top > 0.5 * height):
                in_footnotes = True
                footnote = None
                if markers and markers[0].offset == 0:
                    footnote = markers[0].number
                    markers = markers[1:]
                elif not in_footnotes:
                    footnote = None
                out.append(
                    RawLine(text=text, page=number, kind="footnote", size=size, markers=markers, footnote=footnote)
                )
                continue
            out.append(RawLine(text=text, page=number, kind="body", size=size, markers=markers, bold=bold))
    return RawDocument(lines=tuple(out), kind=kind, pages=len(pages))
