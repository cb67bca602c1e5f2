"""Scanned PDFs (no text layer): OCR with ocrmypdf + tesseract's Vietnamese data."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from baocao.config import Config
from baocao.errors import InputError
from baocao.read.model import RawDocument

INSTALL_HINT = "apt-get install ocrmypdf tesseract-ocr-vie"


def ocr_available() -> bool:
    """True when ocrmypdf and tesseract with Vietnamese language data are installed."""
    if not shutil.which("ocrmypdf") or not shutil.which("tesseract"):
        return False
    try:
        langs = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "vie" in (langs.stdout + langs.stderr).split()


def ocr_pdf(data: bytes, config: Config) -> RawDocument:
    """Run OCR on a scanned PDF and read the text layer it produced."""
    if not config.ocr:
        raise InputError("PDF là bản quét (không có lớp chữ) và chức năng nhận dạng chữ (OCR) đang tắt.", "no_text_layer")
    if not ocr_available():
        raise InputError(
            "PDF là bản quét (không có lớp chữ); cần cài ocrmypdf và dữ liệu tiếng Việt của tesseract "
            f"để nhận dạng chữ ({INSTALL_HINT}).",
            "ocr_missing",
        )
    from baocao.read.pdf import lines_from_glyphs, open_pdf, page_glyphs

    with tempfile.TemporaryDirectory(prefix="baocao-ocr-") as tmp:
        src = Path(tmp) / "in.pdf"
        dst = Path(tmp) / "out.pdf"
        src.write_bytes(data)
        try:
            proc = subprocess.run(
                ["ocrmypdf", "-l", "vie", "--force-ocr", "--output-type", "pdf", "--quiet", str(src), str(dst)],
                capture_output=True,
                text=True,
                timeout=config.ocr_timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise InputError(f"Nhận dạng chữ (OCR) quá {config.ocr_timeout} giây, đã dừng.", "ocr_timeout") from None
        if proc.returncode != 0 or not dst.exists():
            last = (proc.stderr.strip().splitlines() or ["lỗi không rõ"])[-1]
            raise InputError(f"Nhận dạng chữ (OCR) thất bại: {last}", "ocr_failed")
        pdf = open_pdf(dst.read_bytes(), config)
        try:
            pages = [page_glyphs(page) for page in pdf.pages]
            heights = [float(page.height) for page in pdf.pages]
        finally:
            pdf.close()
    doc = lines_from_glyphs(pages, heights, kind="pdf+ocr")
    if not any(line.text.strip() for line in doc.lines):
        raise InputError("Nhận dạng chữ (OCR) không tìm thấy chữ nào trong PDF.", "ocr_empty")
    return doc
