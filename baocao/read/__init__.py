"""Stage 1 — read: a file's bytes into lines (RawDocument), whatever its format.

Readers are chosen by score (magic bytes first, then the file name's suffix), as
paperless chooses its parsers; OCR slots in behind the PDF reader.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from baocao.config import Config
from baocao.errors import InputError
from baocao.parse.model import SourceInfo
from baocao.read import docx, pdf, textlayer
from baocao.read.limits import read_bytes
from baocao.read.model import RawDocument

_UNSUPPORTED = (
    (b"\xd0\xcf\x11\xe0", "Tệp Word/Excel đời cũ (.doc/.xls) chưa được hỗ trợ; hãy lưu lại thành DOCX hoặc PDF."),
    (b"\x89PNG", "Tệp ảnh chưa được hỗ trợ; hãy gửi PDF (bản quét cũng được), DOCX hoặc TXT."),
    (b"\xff\xd8\xff", "Tệp ảnh chưa được hỗ trợ; hãy gửi PDF (bản quét cũng được), DOCX hoặc TXT."),
    (b"GIF8", "Tệp ảnh chưa được hỗ trợ; hãy gửi PDF, DOCX hoặc TXT."),
    (b"{\\rtf", "Tệp RTF chưa được hỗ trợ; hãy lưu lại thành DOCX hoặc PDF."),
    (b"\x1f\x8b", "Tệp nén gzip không phải báo cáo; hãy gửi PDF, DOCX hoặc TXT."),
    (b"Rar!", "Tệp nén RAR không phải báo cáo; hãy gửi PDF, DOCX hoặc TXT."),
    (b"7z\xbc\xaf", "Tệp nén 7z không phải báo cáo; hãy gửi PDF, DOCX hoặc TXT."),
)
_UNSUPPORTED_SUFFIXES = {".doc", ".xls", ".xlsx", ".odt", ".ppt", ".pptx", ".jpg", ".jpeg", ".png", ".zip"}


@dataclass(frozen=True)
class Reader:
    name: str
    score: Callable[[bytes, str], int]
    read: Callable[[bytes, Config], RawDocument]


READERS: tuple[Reader, ...] = (
    Reader("pdf", pdf.score, pdf.read_pdf),
    Reader("docx", docx.score, docx.read_docx),
    Reader("text", textlayer.score, lambda data, _config: textlayer.read_text(data)),
)


def choose_reader(data: bytes, suffix: str) -> Reader:
    for magic, message in _UNSUPPORTED:
        if data.startswith(magic):
            raise InputError(message, "unsupported_type")
    if suffix in _UNSUPPORTED_SUFFIXES and not data.startswith(b"%PDF"):
        raise InputError(f"Định dạng {suffix} chưa được hỗ trợ; hãy gửi PDF, DOCX hoặc TXT.", "unsupported_type")
    best = max(READERS, key=lambda r: r.score(data, suffix))
    if best.score(data, suffix) <= 0:
        raise InputError("Định dạng tệp không được hỗ trợ; hãy gửi PDF, DOCX hoặc TXT.", "unsupported_type")
    return best


def source_info(path: Path, data: bytes, raw: RawDocument) -> SourceInfo:
    return SourceInfo(
        path=str(path), kind=raw.kind, sha256=hashlib.sha256(data).hexdigest(), size=len(data), pages=raw.pages
    )


def read_data(data: bytes, name: str, config: Config) -> RawDocument:
    """Read bytes already in memory (uploads); `name` gives the suffix."""
    if not data:
        raise InputError(f"Tệp rỗng: {name}", "empty")
    if len(data) > config.max_bytes:
        raise InputError(
            f"Tệp {name} quá lớn ({len(data) / 1048576:.1f} MB); giới hạn là {config.max_bytes / 1048576:.0f} MB.",
            "too_large",
        )
    reader = choose_reader(data, Path(name).suffix.lower())
    return reader.read(data, config)


def read_file(path: Path, config: Config) -> tuple[RawDocument, bytes]:
    data = read_bytes(path, config)
    return read_data(data, path.name, config), data
