"""A real PDF made with reportlab: font sizes tell footnotes and superscript markers apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.config import Config
from baocao.pipeline import analyze

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


def font() -> str:
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return path
    pytest.skip("no TrueType font with Vietnamese glyphs installed (fonts-dejavu-core)")


def make_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("VN", font()))
    c = canvas.Canvas(str(path), pagesize=A4)
    _width, height = A4
    y = height - 72

    def body(text: str, markers: dict[int, int] | None = None) -> None:
        """Write a 13 pt line; markers maps character offset → footnote number (superscript)."""
        nonlocal y
        x = 85.0
        markers = markers or {}
        last = 0
        for offset in sorted(markers):
            chunk = text[last:offset]
            c.setFont("VN", 13)
            c.drawString(x, y, chunk)
            x += pdfmetrics.stringWidth(chunk, "VN", 13)
            c.setFont("VN", 8)
            c.drawString(x, y + 5, str(markers[offset]))
            x += pdfmetrics.stringWidth(str(markers[offset]), "VN", 8)
            last = offset
        c.setFont("VN", 13)
        c.drawString(x, y, text[last:])
        y -= 20

    body("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    body("Trong tháng 11 năm 2025, UBND phường Tam Thanh tiếp nhận 412 văn bản đến.")
    body("II. KẾT QUẢ ĐẠT ĐƯỢC")
    line = "Tổng thu ngân sách đạt 36.618.000 đồng, trong đó có 12 hồ sơ và 988 m2"
    body(line, {len("Tổng thu ngân sách đạt 36.618.000 đồng"): 1, len(line): 2})
    body("đất ở đã bàn giao cho các hộ gia đình trên địa bàn phường.")
    c.setFont("VN", 10)
    c.line(85, 120, 200, 120)
    c.drawString(85, 105, "1 Trong đó thu phí 20.000.000 đồng.")
    c.drawString(85, 92, "2 Khu dân cư Bến Bắc.")
    c.drawString(290, 40, "1")
    c.showPage()
    c.setFont("VN", 13)
    c.drawString(85, height - 72, "III. NHIỆM VỤ TRỌNG TÂM THÁNG 12/2025")
    c.drawString(85, height - 92, "1. Tập trung thu ngân sách nhà nước.")
    c.save()


def test_pdf_superscripts_become_markers_and_small_text_footnotes(tmp_path: Path) -> None:
    pdf = tmp_path / "baocao.pdf"
    make_pdf(pdf)
    doc = analyze(pdf, Config()).document
    assert doc.source is not None and doc.source.kind == "pdf" and doc.source.pages == 2
    assert "đạt 36.618.000 đồng, trong đó có 12 hồ sơ và 988 m2 đất ở đã bàn giao" in doc.text
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert doc.footnotes[0].text == "Trong đó thu phí 20.000.000 đồng."
    assert doc.footnotes[0].anchor.endswith("36.618.000 đồng")
    assert doc.footnotes[1].anchor.endswith("988 m2")
    assert "Trong đó thu phí" not in doc.text
    assert doc.meta.unit_name == "Tam Thanh" and doc.meta.period is not None and doc.meta.period.code == "2025-11"
    assert [s.number for s in doc.sections] == ["I", "II", "III"]


def test_scanned_pdf_without_ocr_tools_is_refused_or_read(tmp_path: Path) -> None:
    """A PDF with only an image: OCR when installed, else a clear message naming the packages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from baocao.errors import InputError
    from baocao.read.ocr import ocr_available

    pdf = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.rect(100, 100, 300, 300, fill=1)
    c.save()
    if ocr_available():
        with pytest.raises(InputError) as err:  # a black box has no words
            analyze(pdf, Config())
        assert err.value.code in ("ocr_empty", "ocr_failed")
    else:
        with pytest.raises(InputError) as err:
            analyze(pdf, Config())
        assert "ocrmypdf" in err.value.message and "tesseract-ocr-vie" in err.value.message
