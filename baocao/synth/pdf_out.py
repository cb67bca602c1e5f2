"""`render_pdf`: a real A4 PDF of a synthetic report, footnotes at the bottom of each page."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from baocao.synth.model import SynthReport, TruthParagraph

FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"),
             Path("/usr/share/fonts/truetype/dejavu"))
FONT_FILES = (("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
              ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"))


def _register_fonts() -> tuple[str, str]:
    for folder in FONT_DIRS:
        for regular, bold in FONT_FILES:
            if (folder / regular).exists() and (folder / bold).exists():
                name = regular.split("-")[0].split(".")[0]
                if name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(name, str(folder / regular)))
                    pdfmetrics.registerFont(TTFont(name + "-Bold", str(folder / bold)))
                return name, name + "-Bold"
    raise FileNotFoundError("no TrueType serif font with Vietnamese glyphs found")


def _markup(text: str, markers: tuple[tuple[int, int], ...]) -> str:
    out: list[str] = []
    pos = 0
    for start, n in sorted(markers):
        out.append(escape(text[pos:start]))
        label = str(n)
        out.append(f"<super>{label}</super>")
        pos = start + len(label)
    out.append(escape(text[pos:]))
    return "".join(out)


def render_pdf(report: SynthReport, path: Path | str) -> Path:
    """Write an A4 PDF: body 13 pt, footnotes 10 pt under a short rule, superscript markers."""
    regular, bold = _register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=13, leading=17, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=4)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, firstLineIndent=0)
    header = ParagraphStyle("header", parent=body, fontName=bold, alignment=TA_CENTER, firstLineIndent=0)
    closing = ParagraphStyle("closing", parent=body, fontSize=11, leading=13, alignment=TA_LEFT,
                             firstLineIndent=0, spaceAfter=0)
    note_style = ParagraphStyle("note", fontName=regular, fontSize=10, leading=12, alignment=TA_JUSTIFY)
    notes = {fn.number: fn.text for fn in report.footnotes}
    width = A4[0] - 30 * mm - 15 * mm
    top, bottom, left = A4[1] - 20 * mm, 20 * mm, 30 * mm
    out = Path(path)
    canvas = Canvas(str(out), pagesize=A4)
    canvas.setTitle(report.meta.title)

    def style_of(p: TruthParagraph) -> ParagraphStyle:
        return {"heading": heading, "header": header, "closing": closing}.get(p.kind, body)

    queue: list[tuple[Paragraph, list[int]]] = []
    for p in report.paragraphs:
        text = p.text if p.text.strip() else "\u00a0"
        queue.append((Paragraph(_markup(text, p.markers), style_of(p)), [n for _, n in p.markers]))

    page = 1
    while queue:
        y = top
        page_notes: list[Paragraph] = []
        notes_h = 0.0
        if page > 1:
            canvas.setFont(regular, 11)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, str(page))
        while queue:
            para, numbers = queue[0]
            fns = [Paragraph(f"<super>{n}</super> {escape(notes[n])}", note_style) for n in numbers]
            fn_h = sum(f.wrap(width, top)[1] for f in fns) + (6 if fns and not page_notes else 0)
            _, h = para.wrap(width, top)
            room = y - bottom - notes_h - fn_h
            if h + para.getSpaceAfter() <= room:
                para.drawOn(canvas, left, y - h)
                y -= h + para.getSpaceAfter()
                page_notes.extend(fns)
                notes_h += fn_h
                queue.pop(0)
                continue
            if room > 3 * body.leading:
                parts = para.split(width, room)
                if len(parts) == 2:
                    first, rest = parts
                    _, h1 = first.wrap(width, room)
                    first.drawOn(canvas, left, y - h1)
                    page_notes.extend(fns)
                    notes_h += fn_h
                    queue[0] = (rest, [])
            if y == top and queue and queue[0][0] is para:  # nothing fits on an empty page: force it
                para.drawOn(canvas, left, y - h)
                queue.pop(0)
            break
        if page_notes:
            yb = bottom + notes_h - 6
            canvas.setLineWidth(0.5)
            canvas.line(left, yb + 3, left + 50 * mm, yb + 3)
            for f in page_notes:
                _, fh = f.wrap(width, top)
                f.drawOn(canvas, left, yb - fh)
                yb -= fh
        canvas.showPage()
        page += 1
    canvas.save()
    return out
