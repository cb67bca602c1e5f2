"""Write a `DraftDocument` as a DOCX in the format of Decree 30/2020/NĐ-CP, Appendix I.

Layout (see docs/drafting.md for the clause of the Appendix behind each choice):
- A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, Vietnamese.
- Header block: a borderless two-column table. Row 1: issuing body (cell 2: superior body upper
  case regular 13 pt, issuing body upper case bold 13 pt, a rule 2/5 of its line) | national
  motto (cell 1: upper case bold 13 pt; the tiêu ngữ bold 14 pt with a rule as long as the line).
  Row 2: "Số: …/BC-UBND" 13 pt (cell 3) | place and date italic 14 pt (cell 4), on one line.
- "BÁO CÁO" upper case bold 14 pt and the summary bold 14 pt, centred, a rule under it (cell 5a).
- Body 14 pt, justified, first line indented 1.27 cm, 6 pt between paragraphs, 1.15 lines;
  headings "I." upper case bold, "1." bold, "1.1." bold italic (cell 6).
- Closing table: "Nơi nhận:" bold italic 12 pt, the list 11 pt (cell 9b) | signing authority and
  title upper case bold 14 pt, room for the signature and seal, the name bold 14 pt (cells 7a–7c).
- Page numbers 14 pt centred in the top margin, none on the first page.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Pt, Twips

from baocao.draft.docx_parts import (
    EMU_PER_PT,
    add_text,
    borderless,
    clear,
    fixed_widths,
    page_field,
    rule,
    set_style_font,
    tight,
)
from baocao.draft.metrics import text_width_pt
from baocao.draft.model import DraftDocument, DraftParagraph, DraftSection
from baocao.draft.numbers import date_line

PAGE_W, PAGE_H = Cm(21.0), Cm(29.7)
# Word stores margins in twips: 15 mm is 850.4 twips, so 851 keeps the right margin inside 15-20 mm
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Cm(2.0), Cm(2.0), Cm(3.0), Twips(851)
HEADER_DISTANCE = Cm(1.0)
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 16.5 cm
HEADER_COLS = (Cm(6.2), Cm(10.3))
CLOSING_COLS = (Cm(7.9), Cm(8.6))
CELL_PAD_PT = 2 * 5.4  # Word's default left + right cell margins (0.19 cm each)
BODY, HEADER_SIZE, MOTTO, RECIPIENTS_HEAD, RECIPIENTS = 14, 13, 14, 12, 11
INDENT = Cm(1.27)
ISSUER_RULE = 0.4  # of the issuing body's line: the Appendix allows 1/3 to 1/2
SIGNATURE_SPACE = 5  # empty lines left for the signature and the seal


def _pt(length: Any) -> float:
    return float(int(length)) / EMU_PER_PT


def _page(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = HEADER_DISTANCE
    section.different_first_page_header_footer = True
    tight(clear(section.first_page_header))  # page 1: no number
    number = tight(clear(section.header))
    page_field(number, BODY)
    set_style_font(document.styles["Normal"], BODY)


def _header_block(document: Any, draft: DraftDocument) -> None:
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borderless(table)
    fixed_widths(table, [int(HEADER_COLS[0]), int(HEADER_COLS[1])])
    left, right = table.cell(0, 0), table.cell(0, 1)
    left_box = _pt(HEADER_COLS[0]) - CELL_PAD_PT
    right_box = _pt(HEADER_COLS[1]) - CELL_PAD_PT
    first = True
    for line in draft.superior:
        p = tight(clear(left) if first else left.add_paragraph())
        add_text(p, line.upper(), HEADER_SIZE)
        first = False
    for line in draft.issuer:
        p = tight(clear(left) if first else left.add_paragraph())
        add_text(p, line.upper(), HEADER_SIZE, bold=True)
        first = False
    widest = max(min(text_width_pt(line.upper(), HEADER_SIZE, True), left_box) for line in draft.issuer)
    rule(left, widest * ISSUER_RULE, left_box)
    motto = tight(clear(right))
    add_text(motto, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEADER_SIZE, bold=True)
    slogan_text = "Độc lập - Tự do - Hạnh phúc"
    slogan = tight(right.add_paragraph())
    add_text(slogan, slogan_text, MOTTO, bold=True)
    rule(right, text_width_pt(slogan_text, MOTTO, True), right_box)
    number = tight(clear(table.cell(1, 0)), before=6)
    add_text(number, f"Số: {_number(draft.number)}/{draft.symbol}", HEADER_SIZE)
    date = tight(clear(table.cell(1, 1)), before=6)
    add_text(date, date_line(draft.place, draft.issued_on, draft.year), MOTTO, italic=True)


def _number(number: str) -> str:
    """"05" for 5 (numbers below ten take a zero); a dotted blank while drafting, which the office
    fills at registration (and which `baocao check` reads as a placeholder, not a wrong number)."""
    if not number:
        return "........"
    return f"{int(number):02d}" if number.isdigit() else number


def _title(document: Any, draft: DraftDocument) -> None:
    kind = tight(document.add_paragraph(), before=18)
    add_text(kind, draft.doc_type.upper(), BODY, bold=True)
    title = tight(document.add_paragraph())
    box = _pt(TEXT_W)
    lines = _title_lines(draft.title, box)
    for i, line in enumerate(lines):
        run = add_text(title, line, BODY, bold=True)
        if i < len(lines) - 1:
            run.add_break()
    widest = max(min(text_width_pt(line, BODY, True), box) for line in lines)
    rule(document, widest * ISSUER_RULE, box)
    tight(document.add_paragraph(), after=0)


def _title_lines(title: str, box_pt: float) -> list[str]:
    """The summary on one line, or broken before the "và" nearest the middle when it is too long
    (a break the way offices set it, rather than wherever the line happens to end)."""
    if text_width_pt(title, BODY, True) <= box_pt:
        return [title]
    cuts = [i for i in range(len(title)) if title.startswith(" và ", i)]
    fitting = [i for i in cuts if text_width_pt(title[:i], BODY, True) <= box_pt
               and text_width_pt(title[i + 1 :], BODY, True) <= box_pt]
    if not fitting:
        return [title]
    cut = min(fitting, key=lambda i: abs(2 * i - len(title)))
    return [title[:cut], title[cut + 1 :]]


def _body_paragraph(document: Any, para: DraftParagraph, bold: bool = False, italic: bool = False) -> Any:
    p = document.add_paragraph()
    fmt = p.paragraph_format
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = INDENT
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = 1.15
    for run in para.runs:
        add_text(p, run.text, BODY, bold=bold or run.bold, italic=italic or run.italic or run.placeholder,
                 highlight=run.placeholder)
    return p


def _section(document: Any, section: DraftSection) -> None:
    bold, italic = {1: (True, False), 2: (True, False), 3: (True, True)}.get(section.level, (False, True))
    heading = _body_paragraph(document, DraftParagraph.of(section.heading), bold=bold, italic=italic)
    heading.paragraph_format.keep_with_next = True
    for para in section.paragraphs:
        _body_paragraph(document, para)
    for child in section.children:
        _section(document, child)


def _closing_block(document: Any, draft: DraftDocument) -> None:
    tight(document.add_paragraph())
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borderless(table)
    fixed_widths(table, [int(CLOSING_COLS[0]), int(CLOSING_COLS[1])])
    left, right = table.cell(0, 0), table.cell(0, 1)
    head = tight(clear(left), align=WD_ALIGN_PARAGRAPH.LEFT)
    add_text(head, "Nơi nhận:", RECIPIENTS_HEAD, bold=True, italic=True)
    items = list(draft.recipients)
    for i, item in enumerate(items):
        p = tight(left.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT)
        add_text(p, f"- {item.rstrip(';.')}{'.' if i == len(items) - 1 else ';'}", RECIPIENTS)
    first = True
    for line in draft.signature.lines:
        p = tight(clear(right) if first else right.add_paragraph())
        add_text(p, line.upper(), BODY, bold=True)
        first = False
    for _ in range(SIGNATURE_SPACE):
        tight(right.add_paragraph())
    name = tight(right.add_paragraph())
    if draft.signature.name:
        add_text(name, draft.signature.name, BODY, bold=True)
    else:
        add_text(name, "[Họ và tên người ký]", BODY, bold=True, italic=True, highlight=True)


def render(draft: DraftDocument) -> bytes:
    """The DOCX file of a draft, as bytes."""
    document = docx.Document()
    _page(document)
    body = document.element.body
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p"):
            body.remove(p)  # python-docx's template starts with an empty paragraph
    _header_block(document, draft)
    _title(document, draft)
    for para in draft.intro:
        _body_paragraph(document, para)
    for section in draft.sections:
        _section(document, section)
    for para in draft.closing:
        _body_paragraph(document, para)
    _closing_block(document, draft)
    props = document.core_properties
    props.title = f"{draft.doc_type.capitalize()} {draft.title}"
    props.subject = draft.unit_name
    props.author = "baocao"
    props.language = "vi-VN"
    props.keywords = ", ".join(draft.keywords)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(draft: DraftDocument, path: Path) -> Path:
    path.write_bytes(render(draft))
    return path


__all__ = ["render", "write_docx"]
