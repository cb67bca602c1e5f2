"""Low-level python-docx helpers: fonts on every script slot, borderless tables, paragraph
rules, the PAGE field, highlighted placeholders."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

FONT = "Times New Roman"
LANG = "vi-VN"
EMU_PER_PT = 12700


def set_run_font(run: Any, size: float, bold: bool = False, italic: bool = False, highlight: bool = False) -> None:
    """Times New Roman on the ASCII, high-ANSI, complex and East-Asian slots, size, style."""
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def set_style_font(style: Any, size: float) -> None:
    """The document default (Normal style): Times New Roman, Vietnamese, black."""
    style.font.name = FONT
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)


def add_text(paragraph: Any, text: str, size: float, bold: bool = False, italic: bool = False,
             highlight: bool = False) -> Any:
    run = paragraph.add_run(text)
    set_run_font(run, size, bold, italic, highlight)
    return run


def tight(paragraph: Any, before: float = 0, after: float = 0, align: Any = WD_ALIGN_PARAGRAPH.CENTER) -> Any:
    """Single-spaced paragraph with the given spacing (points) and alignment."""
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = None
    paragraph.alignment = align
    return paragraph


def rule(cell_or_doc: Any, length_pt: float, box_pt: float, weight_eighths: int = 6, gap_pt: float = 5) -> Any:
    """A centred horizontal rule `length_pt` long in a box `box_pt` wide: an empty paragraph with
    a top border between indents, one point high, `gap_pt` under the previous line."""
    p = cell_or_doc.add_paragraph()
    tight(p, before=gap_pt)
    side = max(0.0, (box_pt - length_pt) / 2)
    p.paragraph_format.left_indent = Emu(int(side * EMU_PER_PT))
    p.paragraph_format.right_indent = Emu(int(side * EMU_PER_PT))
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(1)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), str(weight_eighths))
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    ppr.append(borders)
    return p


def borderless(table: Any) -> None:
    """No borders at all (the header and signature tables are layout, not tables)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def fixed_widths(table: Any, widths_emu: list[int]) -> None:
    """Fixed layout and the column widths Word and LibreOffice both honour."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_emu, strict=True):
            cell.width = Emu(width)
    for col, width in zip(table.columns, widths_emu, strict=True):
        col.width = Emu(width)


def page_field(paragraph: Any, size: float) -> None:
    """A PAGE field (complex field: begin, instruction, separate, shown text, end)."""
    def fld(kind: str) -> Any:
        run = paragraph.add_run()
        set_run_font(run, size)
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    fld("begin")
    instr = paragraph.add_run()
    set_run_font(instr, size)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instr._r.append(text)
    fld("separate")
    shown = paragraph.add_run("2")
    set_run_font(shown, size)
    fld("end")


def clear(container: Any) -> Any:
    """The first paragraph of a header/cell, emptied, to write into instead of adding a blank one."""
    p = container.paragraphs[0]
    for child in list(p._p):
        if child.tag != qn("w:pPr"):
            p._p.remove(child)
    return p
