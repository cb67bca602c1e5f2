"""Render the draft DOCX to PDF (LibreOffice) and PNG (pdftoppm), keep the pages under
test-artifacts/draft/ for people to look at, and check what a reader sees on them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from baocao.draft.demo import demo_draft
from baocao.draft.docx_writer import write_docx
from baocao.draft.pdf import PdfUnavailable, docx_to_pdf, soffice

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "draft"


@pytest.fixture(scope="module")
def pdf_path() -> Path:
    if soffice() is None:
        pytest.skip("LIBREOFFICE MISSING: install libreoffice-writer-nogui to render drafts to PDF")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    docx_path = write_docx(demo_draft(), ARTIFACTS / "du-thao-mau.docx")
    return docx_to_pdf(docx_path, timeout=180)


def test_pdf_pages_look_like_an_official_report(pdf_path: Path) -> None:
    with pdfplumber.open(pdf_path) as pdf:
        assert 2 <= len(pdf.pages) <= 8
        page1 = pdf.pages[0]
        assert abs(page1.width - 595.3) < 2 and abs(page1.height - 841.9) < 2  # A4 in points
        text1 = page1.extract_text() or ""
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text1 and "Độc lập - Tự do - Hạnh phúc" in text1
        assert "BÁO CÁO" in text1
        top1 = sorted(page1.extract_words(), key=lambda w: (w["top"], w["x0"]))[0]
        assert top1["text"] != "1"  # no number on the first page
        page2 = pdf.pages[1]
        top2 = sorted(page2.extract_words(), key=lambda w: (w["top"], w["x0"]))[0]
        text_centre = (85.0 + page2.width - 42.5) / 2  # between the 30 mm and 15 mm margins
        assert top2["text"] == "2" and abs((top2["x0"] + top2["x1"]) / 2 - text_centre) < 6
        assert top2["top"] < 56  # in the top margin (20 mm is 56.7 pt)
        fonts = {c["fontname"] for c in page1.chars}
        assert all(("Times" in f or "LiberationSerif" in f) for f in fonts), fonts
        left_edge = min(c["x0"] for c in page2.chars)
        assert 84 <= left_edge <= 100  # 30 mm left margin is 85 pt
        last = pdf.pages[-1].extract_text() or ""
        assert "Nơi nhận:" in last and "TM. ỦY BAN NHÂN DÂN" in last


def test_pages_rendered_to_png_for_review(pdf_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("PDFTOPPM MISSING: install poppler-utils to render PNG pages")
    for old in ARTIFACTS.glob("trang-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf_path), str(ARTIFACTS / "trang")], check=True, timeout=120)
    pages = sorted(ARTIFACTS.glob("trang-*.png"))
    assert len(pages) >= 2
    assert all(p.stat().st_size > 5_000 for p in pages)


def test_missing_libreoffice_is_one_clear_vietnamese_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("baocao.draft.pdf.soffice", lambda: None)
    docx_path = write_docx(demo_draft(), tmp_path / "a.docx")
    with pytest.raises(PdfUnavailable) as err:
        docx_to_pdf(docx_path)
    assert "Chưa cài LibreOffice" in err.value.message and "libreoffice-writer-nogui" in err.value.message
