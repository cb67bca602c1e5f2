"""A scanned PDF (only an image) is read through OCR with Vietnamese language data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from baocao.config import Config
from baocao.pipeline import analyze
from baocao.read.ocr import ocr_available
from tests.unit.test_pdf_reader import font

pytestmark = pytest.mark.slow

LINES = [
    "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "Trong tháng 11 năm 2025, UBND phường Tam Thanh tiếp nhận 412 văn bản đến.",
    "II. KẾT QUẢ ĐẠT ĐƯỢC",
    "Tổng thu ngân sách trên địa bàn đạt 1.809,6 triệu đồng.",
]


def scanned_pdf(tmp: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("VN", font()))
    text_pdf = tmp / "text.pdf"
    c = canvas.Canvas(str(text_pdf), pagesize=A4)
    c.setFont("VN", 14)
    y = A4[1] - 90
    for line in LINES:
        c.drawString(70, y, line)
        y -= 28
    c.save()
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(text_pdf), str(tmp / "page")], check=True)
    scan = tmp / "scan.pdf"
    c = canvas.Canvas(str(scan), pagesize=A4)
    c.drawImage(str(tmp / "page.png"), 0, 0, width=A4[0], height=A4[1])
    c.save()
    return scan


def test_scanned_pdf_is_read_through_ocr(tmp_path: Path) -> None:
    if not ocr_available() or not shutil.which("pdftoppm"):
        pytest.skip("OCR MISSING: ocrmypdf, tesseract-ocr-vie or pdftoppm not installed")
    analysis = analyze(scanned_pdf(tmp_path), Config(), upto="extract")
    doc = analysis.document
    assert doc.source is not None and doc.source.kind == "pdf+ocr"
    assert "UBND phường Tam Thanh" in doc.text
    assert [s.number for s in doc.sections] == ["I", "II"]
    assert doc.meta.period is not None and doc.meta.period.code == "2025-11"
    values = sorted(f.value for f in analysis.facts)
    assert 412 in values and 1809.6e6 in values
