"""Drafts from the store rendered by LibreOffice to PDF and by pdftoppm to PNG: the pages are kept
under test-artifacts/drafting/ for people to look at, and checked for what a reader sees first."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from baocao.draft.pdf import docx_to_pdf, soffice
from baocao.web.drafting import services
from tests.web.test_drafting_store import draft, stock

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "drafting"


def render(package: services.DraftPackage, name: str) -> Path:
    if soffice() is None:
        pytest.skip("LIBREOFFICE MISSING: install libreoffice-writer-nogui to render drafts to PDF")
    out = ARTIFACTS / name
    out.mkdir(parents=True, exist_ok=True)
    docx = out / package.file_name("docx")
    docx.write_bytes(services.docx_bytes(package))
    pdf = docx_to_pdf(docx, timeout=180)
    if shutil.which("pdftoppm") is None:
        pytest.skip("PDFTOPPM MISSING: install poppler-utils to render PNG pages")
    for old in out.glob("trang-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / "trang")], check=True, timeout=120)
    return pdf


def test_a_wards_draft_looks_like_an_official_report(world: dict) -> None:
    stock()
    pdf_path = render(draft("06041"), "phuong")
    with pdfplumber.open(pdf_path) as pdf:
        page1 = pdf.pages[0]
        assert abs(page1.width - 595.3) < 2 and abs(page1.height - 841.9) < 2  # A4
        text1 = page1.extract_text() or ""
        for expected in ("ỦY BAN NHÂN DÂN", "PHƯỜNG TAM THANH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: ......../BC-UBND", "BÁO CÁO",
                         "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"):
            assert expected in text1, expected
        assert "Tam Thanh, ngày … tháng … năm 2025" in text1
        words2 = sorted(pdf.pages[1].extract_words(), key=lambda w: (w["top"], w["x0"]))
        assert words2[0]["text"] == "2" and words2[0]["top"] < 56  # page number in the top margin from page 2
        last = pdf.pages[-1].extract_text() or ""
        assert "Nơi nhận:" in last and "CHỦ TỊCH" in last
        fonts = {c["fontname"] for p in pdf.pages for c in p.chars}
        assert all("Times" in f or "LiberationSerif" in f for f in fonts), fonts
    pages = sorted((ARTIFACTS / "phuong").glob("trang-*.png"))
    assert len(pages) >= 3 and all(p.stat().st_size > 5_000 for p in pages)


def test_a_province_draft_names_the_missing_commune_on_its_pages(world: dict) -> None:
    stock(dong_kinh_october=False)
    pdf_path = render(draft("20"), "tinh")
    with pdfplumber.open(pdf_path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "TỈNH LẠNG SƠN" in text
    assert "Các đơn vị chưa gửi báo cáo: phường Đông Kinh." in " ".join(text.split())
    assert sorted((ARTIFACTS / "tinh").glob("trang-*.png"))
