"""PDF and DOCX renderings of a synthetic report."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pdfplumber

from baocao.synth import make_province, render_report
from baocao.synth.docx_out import render_docx
from baocao.synth.pdf_out import render_pdf


def test_pdf_and_docx(tmp_path: Path) -> None:
    province = make_province(6, seed=4)
    code = next(u.code for u in province.units if u.level == "commune" and u.valid_from is not None)
    report = render_report(province, code, 2025, 10, seed=1)
    assert report.footnotes

    pdf_path = render_pdf(report, tmp_path / "r.pdf")
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) >= 2
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        sizes = {round(ch["size"]) for page in pdf.pages for ch in page.chars}
    assert "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" in text
    assert report.facts[0].raw in text
    assert {13, 10} <= sizes  # body and footnotes
    assert min(sizes) < 10  # superscript markers

    docx_path = render_docx(report, tmp_path / "r.docx")
    with zipfile.ZipFile(docx_path) as z:
        document = z.read("word/document.xml").decode("utf-8")
        footnotes = z.read("word/footnotes.xml").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
    refs = [int(n) for n in re.findall(r'w:footnoteReference w:id="(\d+)"', document)]
    assert refs == list(range(1, len(report.footnotes) + 1))
    assert len(re.findall(r'<w:footnote w:id="\d+"', footnotes)) == len(report.footnotes)
    assert "footnotes+xml" in types
    assert "CÔNG TÁC CHỈ ĐẠO" in document
