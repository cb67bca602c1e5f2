"""DOCX → PDF through LibreOffice, when it is installed (Debian: libreoffice-writer-nogui)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from baocao.errors import InputError

DEFAULT_TIMEOUT = 120  # seconds; a cold LibreOffice start takes a few


class PdfUnavailable(InputError):
    """LibreOffice is missing or failed: the DOCX is still there, only the PDF is not."""


def soffice() -> str | None:
    """Path of the LibreOffice binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx_path: Path, out_dir: Path | None = None, timeout: int = DEFAULT_TIMEOUT) -> Path:
    """Convert with a throw-away LibreOffice profile (so parallel runs do not fight over one)."""
    binary = soffice()
    if binary is None:
        raise PdfUnavailable(
            "Chưa cài LibreOffice nên không tạo được PDF (Debian: apt-get install libreoffice-writer-nogui); "
            "tệp DOCX vẫn dùng được.",
            "no_libreoffice",
        )
    out_dir = out_dir or docx_path.parent
    with tempfile.TemporaryDirectory(prefix="baocao-lo-") as profile:
        cmd = [binary, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(f"LibreOffice không chuyển xong sang PDF sau {timeout} giây; đã dừng.",
                                 "pdf_timeout") from None
    pdf = out_dir / (docx_path.stem + ".pdf")
    if proc.returncode != 0 or not pdf.exists():
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["không rõ lý do"]
        raise PdfUnavailable(f"LibreOffice không tạo được PDF ({detail[0]}).", "pdf_failed")
    return pdf
