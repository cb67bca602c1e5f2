"""Plain text (the text layer of a PDF saved as .txt): decoding and lines."""

from __future__ import annotations

import codecs
import re
from itertools import islice

from baocao.errors import InputError
from baocao.read.model import RawDocument, RawLine, plain_line
from baocao.text.normalize import nfc_lines

# Letters that only Vietnamese text written in Unicode contains.
_VIET = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
# Characters typical of TCVN3 (ABC) or VNI text read as Latin-1/cp1252.
_LEGACY = re.compile(r"[¸µ¶·¹¨©ª«®¬­¯°±²³´»¼½¾¿ÆÇÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßæçðñòóôõö÷øùúûüýþÿ]")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def score(data: bytes, suffix: str) -> int:
    """How well this reader fits: 0 = not at all."""
    if data.startswith((b"%PDF", b"PK\x03\x04")):
        return 0
    if suffix in (".txt", ".text", ".md", ""):
        return 80
    return 10


def decode(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 or UTF-16 (with or without BOM); refuse legacy encodings and binary."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        # UTF-16 without BOM: ASCII characters leave a zero byte every other byte.
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        return _strict(data, encoding), encoding
    if b"\x00" in sample:
        raise InputError("Tệp không phải văn bản (có dữ liệu nhị phân); hãy gửi PDF, DOCX hoặc TXT.", "binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            "Tệp văn bản không ở mã Unicode (UTF-8/UTF-16), có thể là mã cũ TCVN3/VNI/Windows-1258; "
            "hãy lưu lại bằng Unicode UTF-8.",
            "legacy_encoding",
        ) from None
    return text, "utf-8"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"Tệp văn bản hỏng: không giải mã được bằng {encoding}.", "bad_encoding") from None


def check_plausible(text: str) -> None:
    """Refuse text that is garbage or Vietnamese in a legacy font encoding."""
    stripped = text.strip()
    if not stripped:
        raise InputError("Tệp không có nội dung văn bản.", "empty")
    controls = len(_CONTROL.findall(stripped))
    if controls > max(8, len(stripped) // 100):
        raise InputError("Tệp không phải văn bản (nhiều ký tự điều khiển); hãy gửi PDF, DOCX hoặc TXT.", "binary")
    replacement = stripped.count("\ufffd")
    if replacement > max(8, len(stripped) // 50):
        raise InputError("Tệp văn bản hỏng: nhiều ký tự không giải mã được.", "bad_encoding")
    legacy = len(_LEGACY.findall(stripped))
    if legacy > 20 and not _at_least(_VIET, stripped, (legacy + 1) // 2):  # legacy > 2 × Vietnamese letters
        raise InputError(
            "Văn bản có vẻ dùng bảng mã cũ (TCVN3/VNI); hãy chuyển sang Unicode trước khi tải lên.",
            "legacy_encoding",
        )


def _at_least(pattern: re.Pattern[str], text: str, n: int) -> bool:
    """`pattern` occurs at least `n` times in `text` (counting stops at `n`)."""
    return n <= 0 or next(islice(pattern.finditer(text), n - 1, None), None) is not None


def read_text(data: bytes) -> RawDocument:
    text, encoding = decode(data)
    text = nfc_lines(text.lstrip("\ufeff"))
    check_plausible(text)
    lines: list[RawLine] = []
    page = 1
    for line in (text.split("\n") if "\r" not in text else re.split(r"\r\n|\r|\n", text)):
        if "\f" in line:
            parts = line.split("\f")
            for i, part in enumerate(parts):
                if i:
                    page += 1
                if part:
                    lines.append(plain_line(part, page))
            continue
        lines.append(plain_line(line, page))
    return RawDocument(lines=tuple(lines), kind="text", pages=page, notes=(f"encoding {encoding}",))
