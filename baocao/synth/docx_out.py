"""`render_docx`: a Word document of a synthetic report with real footnotes.

python-docx has no footnote API, so the `footnotes.xml` part is added through
the package layer and `w:footnoteReference` runs are inserted in the XML.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from baocao.synth.model import SynthReport

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _footnotes_xml(notes: list[tuple[int, str]]) -> bytes:
    items = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for number, text in notes:
        items.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:jc w:val="both"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="20"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            '</w:p></w:footnote>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
           + "".join(items) + "</w:footnotes>")
    return xml.encode("utf-8")


def _reference_run(number: int) -> object:
    return parse_xml(
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{number}"/></w:r>')


def render_docx(report: SynthReport, path: Path | str) -> Path:
    """Write a .docx: header lines, headings, body paragraphs, tasks, closing, real footnotes."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.set(qn("w:eastAsia"), "Times New Roman")
    for p in report.paragraphs:
        if p.kind == "heading" and p.level == 1:
            para = doc.add_paragraph()
            run_bold = True
        else:
            para = doc.add_paragraph()
            run_bold = p.kind in ("heading", "header")
        if p.kind == "header":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif p.kind in ("body", "task"):
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pos = 0
        for start, number in sorted(p.markers):
            if start > pos:
                run = para.add_run(p.text[pos:start])
                run.bold = run_bold
            para._p.append(_reference_run(number))
            pos = start + len(str(number))
        if pos < len(p.text):
            run = para.add_run(p.text[pos:])
            run.bold = run_bold
    notes = [(fn.number, fn.text) for fn in report.footnotes]
    if notes:
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, _footnotes_xml(notes), doc.part.package)
        doc.part.relate_to(part, RT.FOOTNOTES)
    doc.core_properties.title = report.meta.title
    out = Path(path)
    doc.save(str(out))
    return out
