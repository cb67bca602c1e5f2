"""The DOCX of a draft, read back with python-docx, against Decree 30/2020/NĐ-CP Appendix I:
page, margins, fonts, header table, page numbers, title, body, signature, recipients."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from baocao.draft.demo import demo_draft
from baocao.draft.docx_writer import render
from baocao.draft.model import DraftDocument, DraftParagraph, DraftSection, Signature


@pytest.fixture(scope="module")
def demo() -> Any:
    return docx.Document(io.BytesIO(render(demo_draft())))


def runs_of(paragraph: Any) -> list[Any]:
    return [r for r in paragraph.runs if r.text.strip()]


def cell_lines(cell: Any) -> list[Any]:
    return [p for p in cell.paragraphs if p.text.strip()]


def test_a4_portrait_with_the_decree_margins(demo: Any) -> None:
    s = demo.sections[0]
    assert abs(s.page_width - Cm(21.0)) < Cm(0.01) and abs(s.page_height - Cm(29.7)) < Cm(0.01)
    assert Cm(2.0) <= s.top_margin <= Cm(2.5) and Cm(2.0) <= s.bottom_margin <= Cm(2.5)
    assert Cm(3.0) <= s.left_margin <= Cm(3.5)
    assert Cm(1.5) <= s.right_margin <= Cm(2.0)


def test_times_new_roman_everywhere(demo: Any) -> None:
    normal = demo.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(k)) for k in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Times New Roman"}
    paragraphs = list(demo.paragraphs)
    for table in demo.tables:
        for cell in table._cells:
            paragraphs.extend(cell.paragraphs)
    runs = [r for p in paragraphs for r in p.runs if r.text.strip()]
    assert runs
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {r.font.size.pt for r in runs} <= {11.0, 12.0, 13.0, 14.0}


def test_page_numbers_centred_at_the_top_and_none_on_page_one(demo: Any) -> None:
    s = demo.sections[0]
    assert s.different_first_page_header_footer
    header = s.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(t.text for t in header._p.iter(qn("w:instrText")))
    assert [f.get(qn("w:fldCharType")) for f in header._p.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
    first = s.first_page_header
    assert not list(first._element.iter(qn("w:instrText"))) and not "".join(p.text for p in first.paragraphs).strip()


def test_header_block_is_a_borderless_two_column_table(demo: Any) -> None:
    table = demo.tables[0]
    assert len(table.columns) == 2 and len(table.rows) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}
    issuer = cell_lines(table.cell(0, 0))
    assert [p.text for p in issuer] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG TAM THANH"]
    for p in issuer:
        assert all(r.font.bold and r.font.size == Pt(13) for r in runs_of(p))
    motto, slogan = cell_lines(table.cell(0, 1))
    assert motto.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert all(r.font.bold and r.font.size.pt in (12, 13) for r in runs_of(motto))
    assert slogan.text == "Độc lập - Tự do - Hạnh phúc"
    assert all(r.font.bold and r.font.size.pt in (13, 14) for r in runs_of(slogan))
    number = cell_lines(table.cell(1, 0))[0]
    assert number.text.startswith("Số: ") and number.text.endswith("/BC-UBND")
    assert runs_of(number)[0].font.size == Pt(13)
    date = cell_lines(table.cell(1, 1))[0]
    assert date.text == "Tam Thanh, ngày 18 tháng 8 năm 2025"
    assert all(r.font.italic and r.font.size.pt in (13, 14) for r in runs_of(date))
    assert {p.alignment for p in [*issuer, motto, slogan, number, date]} == {WD_ALIGN_PARAGRAPH.CENTER}


def rules(cell: Any) -> list[Any]:
    out = []
    for p in cell.paragraphs:
        border = p._p.find(qn("w:pPr") + "/" + qn("w:pBdr"))
        if border is not None:
            out.append(p)
    return out


def test_rules_under_the_issuer_and_the_motto(demo: Any) -> None:
    table = demo.tables[0]
    (issuer_rule,) = rules(table.cell(0, 0))
    (motto_rule,) = rules(table.cell(0, 1))
    box = Cm(6.2) - Pt(10.8)
    issuer_len = box - issuer_rule.paragraph_format.left_indent - issuer_rule.paragraph_format.right_indent
    # 1/3 to 1/2 of "PHƯỜNG TAM THANH" (about 5 cm in 13 pt bold)
    assert Cm(1.5) < issuer_len < Cm(2.6)
    motto_box = Cm(10.3) - Pt(10.8)
    motto_len = motto_box - motto_rule.paragraph_format.left_indent - motto_rule.paragraph_format.right_indent
    assert Cm(5.6) < motto_len < Cm(6.4)  # as long as "Độc lập - Tự do - Hạnh phúc" in 14 pt bold


def test_document_type_and_summary_centred_bold(demo: Any) -> None:
    body = [p for p in demo.paragraphs if p.text.strip()]
    kind, title = body[0], body[1]
    assert kind.text == "BÁO CÁO" and kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(r.font.bold and r.font.size.pt in (13, 14) for r in runs_of(kind))
    assert title.text.replace("\n", " ") == demo_draft().title
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.font.bold for r in runs_of(title))


def test_body_justified_with_first_line_indent(demo: Any) -> None:
    body = [p for p in demo.paragraphs if p.text.strip()][2:]
    assert len(body) > 40
    for p in body:
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert abs(p.paragraph_format.first_line_indent - Cm(1.27)) < Cm(0.01)
        assert p.paragraph_format.space_after >= Pt(6)
        assert 1.0 <= p.paragraph_format.line_spacing <= 1.5
        assert all(r.font.size == Pt(14) for r in runs_of(p))
    headings = [p for p in body if p.text.startswith(("I. ", "II. ", "III. ", "IV. "))]
    assert [p.text.split(".")[0] for p in headings] == ["I", "II", "III", "IV"]
    assert all(r.font.bold for p in headings for r in runs_of(p))


def test_placeholders_are_highlighted(demo: Any) -> None:
    marked = [r for p in demo.paragraphs for r in p.runs if r.text.startswith("[Nội dung do đơn vị bổ sung")]
    assert len(marked) > 10
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW and r.font.italic for r in marked)
    plain = [r for p in demo.paragraphs for r in p.runs if "đạt 1.809,6" in r.text]
    assert plain and plain[0].font.highlight_color is None


def test_recipients_and_signature_block(demo: Any) -> None:
    table = demo.tables[-1]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}
    left = cell_lines(table.cell(0, 0))
    head, items = left[0], left[1:]
    assert head.text == "Nơi nhận:"
    assert all(r.font.bold and r.font.italic and r.font.size == Pt(12) for r in runs_of(head))
    assert head.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert all(r.font.size == Pt(11) and not r.font.bold for p in items for r in runs_of(p))
    assert all(p.text.startswith("- ") for p in items)
    assert all(p.text.endswith(";") for p in items[:-1]) and items[-1].text == "- Lưu: VT, VP."
    right = [p for p in table.cell(0, 1).paragraphs]
    texts = [p.text for p in right if p.text.strip()]
    assert texts[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert all(r.font.bold and r.font.size.pt in (13, 14) for p in right[:2] for r in runs_of(p))
    blank = [p for p in right[2:-1] if not p.text.strip()]
    assert len(blank) >= 4  # room for the signature and the seal
    assert right[-1].text == "[Họ và tên người ký]" and all(r.font.bold for r in runs_of(right[-1]))


def minimal(**changes: Any) -> DraftDocument:
    base = dict(
        issuer=("SỞ TÀI CHÍNH",), superior=("UBND TỈNH LẠNG SƠN",), place="Lạng Sơn", year=2026,
        title="Kết quả thực hiện dự toán ngân sách quý I năm 2026",
        sections=(DraftSection("I", "Kết quả", 1, (DraftParagraph.of("Thu ngân sách đạt 25,3% dự toán."),)),),
        signature=Signature(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Trần Văn B"), recipients=("UBND tỉnh", "Lưu: VT, NS"),
        number="5", issued_on=dt.date(2026, 2, 5),
    )
    base.update(changes)
    return DraftDocument(**base)  # type: ignore[arg-type]


def test_superior_body_regular_above_the_bold_issuer_and_number_padded() -> None:
    doc = docx.Document(io.BytesIO(render(minimal())))
    superior, issuer = cell_lines(doc.tables[0].cell(0, 0))
    assert superior.text == "UBND TỈNH LẠNG SƠN" and not any(r.font.bold for r in runs_of(superior))
    assert issuer.text == "SỞ TÀI CHÍNH" and all(r.font.bold for r in runs_of(issuer))
    assert cell_lines(doc.tables[0].cell(1, 0))[0].text == "Số: 05/BC-UBND"
    assert cell_lines(doc.tables[0].cell(1, 1))[0].text == "Lạng Sơn, ngày 05 tháng 02 năm 2026"
    right = [p.text for p in doc.tables[-1].cell(0, 1).paragraphs if p.text.strip()]
    assert right == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"]


def test_long_summary_breaks_before_va() -> None:
    doc = docx.Document(io.BytesIO(render(demo_draft())))
    title = [p for p in doc.paragraphs if p.text.strip()][1]
    first, second = title.text.split("\n")
    assert first == "Tình hình kinh tế - xã hội tháng 8 năm 2025"
    assert second == "và nhiệm vụ trọng tâm tháng 9 năm 2025"
