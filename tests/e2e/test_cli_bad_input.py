"""Bad input through the CLI: one clear Vietnamese line on stderr, exit code 2, no traceback, fast."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli


def assert_refused(path: Path, *extra: str, words: str = "") -> None:
    started = time.monotonic()
    proc = run_cli("parse", str(path), *extra)
    assert time.monotonic() - started < 60
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("baocao: ")
    assert words.lower() in lines[0].lower(), lines[0]
    assert proc.stdout == ""


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "rong.txt"
    f.write_bytes(b"")
    assert_refused(f, words="rỗng")


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "khong-co.pdf", words="không tìm thấy")


def test_binary_garbage(tmp_path: Path) -> None:
    f = tmp_path / "rac.txt"
    f.write_bytes(bytes(range(256)) * 40)
    assert_refused(f, words="không phải văn bản")


def test_old_word_document(tmp_path: Path) -> None:
    f = tmp_path / "baocao.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert_refused(f, words="docx")


def test_image_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "anh.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert_refused(f, words="ảnh")


def test_corrupt_pdf(tmp_path: Path) -> None:
    f = tmp_path / "hong.pdf"
    f.write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF garbage")
    assert_refused(f, words="pdf")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="matkhau", owner_password="chu", algorithm="AES-128")
    f = tmp_path / "matkhau.pdf"
    with f.open("wb") as fh:
        writer.write(fh)
    assert_refused(f, words="mật khẩu")


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    f = tmp_path / "gia.docx"
    f.write_text("đây không phải tệp Word", encoding="utf-8")
    assert_refused(f, words="docx")


def test_docx_zip_without_document(tmp_path: Path) -> None:
    f = tmp_path / "nen.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "xin chào")
    f.write_bytes(buf.getvalue())
    assert_refused(f, words="docx")


def test_docx_zip_bomb(tmp_path: Path) -> None:
    f = tmp_path / "bom.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    f.write_bytes(buf.getvalue())
    assert f.stat().st_size < 2_000_000
    assert_refused(f, words="zip bomb")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "lon.txt"
    f.write_text("Báo cáo tình hình kinh tế. " * 20000, encoding="utf-8")
    assert_refused(f, "--max-mb", "0.1", words="quá lớn")


def test_legacy_encoding_text(tmp_path: Path) -> None:
    f = tmp_path / "cp1258.txt"
    f.write_bytes("Báo cáo tình hình kinh tế - xã hội tháng 11 năm 2025 của phường".encode("cp1258", "replace") * 20)
    assert_refused(f, words="unicode")


def test_tcvn3_text_decoded_as_utf8_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "tcvn3.txt"
    f.write_text("B¸o c¸o t×nh h×nh kinh tÕ - x· héi th¸ng 11 n¨m 2025 cña ph­êng. " * 20, encoding="utf-8")
    assert_refused(f, words="mã cũ")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_utf16_and_bom_are_read(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / f"{encoding}.txt"
    text = "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n\nTrong tháng 11 năm 2025, UBND phường Tam Thanh tiếp nhận 412 văn bản đến.\n\n"
    f.write_bytes(text.encode(encoding))
    proc = run_cli("parse", str(f), "--json")
    assert proc.returncode == 0, proc.stderr
    assert "412 văn bản đến" in proc.stdout
