"""Configuration of the core, passed as an argument (never read from globals)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Config:
    max_bytes: int = DEFAULT_MAX_BYTES  # refuse input files larger than this
    max_docx_uncompressed: int = 200 * 1024 * 1024  # zip-bomb guard for DOCX
    max_pdf_pages: int = 500
    ocr: bool = True  # run OCR on PDFs without a text layer when the tools exist
    ocr_timeout: int = 600  # seconds
    data_dir: Path | None = None  # override the packaged data files (catalogue, word lists)


DEFAULT = Config()
