"""Property-based tests: random and mutated input never crashes and never loses body text."""

from __future__ import annotations

import re
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao.config import Config
from baocao.errors import InputError
from baocao.parse import parse
from baocao.read import read_data

WORDS = ["tiếp", "tục", "triển", "khai", "thực", "hiện", "công", "tác", "quản", "lý", "đất", "đai", "hồ", "sơ", "văn", "bản", "dự", "án", "hộ", "gia", "đình", "người", "giải", "ngân", "vốn", "đầu", "tư", "công", "thu", "ngân", "sách", "nhà", "nước", "trên", "địa", "bàn", "phường", "xã", "đạt", "kế", "hoạch", "cùng", "kỳ", "tăng", "giảm", "lũy", "kế", "ước", "trong", "đó", "doanh", "nghiệp", "khách", "du", "lịch", "lượt", "tiêm", "phòng", "vắc", "xin"]
NUMBERS = st.sampled_from(["12", "02", "1.809,6", "36.618.000", "43,79%", "988 m2", "4.930", "261/596", "15,5"])
word = st.one_of(st.sampled_from(WORDS), NUMBERS)


@st.composite
def report(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A text layer in the seeds' style with its body words and footnote texts."""
    n_par = draw(st.integers(1, 6))
    paragraphs: list[str] = []
    notes: list[str] = []
    for _ in range(n_par):
        words = draw(st.lists(word, min_size=3, max_size=40))
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:] + "."
        if draw(st.booleans()):
            cut = sentence.find(" ", len(sentence) // 2)
            if cut > 0 and sentence[cut - 1].isalpha():
                notes.append(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=12))))
                sentence = sentence[:cut] + str(len(notes)) + sentence[cut:]
        paragraphs.append(sentence)
    lines = ["I. KẾT QUẢ ĐẠT ĐƯỢC"]
    for p in paragraphs:
        lines.extend(textwrap.wrap(p, 80))
    # one footnote block after the last body line that carries a marker, then a new page
    if notes:
        block = [" " * 43] + [f"{i} {t}" for i, t in enumerate(notes, start=1)]
        lines = lines + block + [" Trang tiếp theo."]
    text = "".join(f"{line} \n\n" for line in lines)
    return text, paragraphs, notes


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report())
def test_parsing_never_loses_body_words(case: tuple[str, list[str], list[str]]) -> None:
    text, paragraphs, notes = case
    doc = parse(read_data(text.encode(), "r.txt", Config()))
    kept = set(words_of(doc.text)) | {w for f in doc.footnotes for w in words_of(f.text)}
    for p in paragraphs:
        for w in words_of(p):
            assert w in kept, (w, doc.text)
    assert len(doc.footnotes) == len(notes)
    for f in doc.footnotes:
        assert f.paragraph is not None


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=3000))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        parse(read_data(data, "x.txt", Config()))
    except InputError as exc:
        assert exc.message


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=2000))
def test_random_text_never_crashes(text: str) -> None:
    try:
        doc = parse(read_data(text.encode("utf-8", "surrogatepass"), "x.txt", Config()))
    except (InputError, UnicodeEncodeError):
        return
    assert isinstance(doc.text, str)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=8, max_size=2000))
def test_mutated_pdf_and_docx_headers_never_crash(tail: bytes) -> None:
    for head, name in ((b"%PDF-1.7\n", "x.pdf"), (b"PK\x03\x04", "x.docx")):
        try:
            parse(read_data(head + tail, name, Config()))
        except InputError as exc:
            assert exc.message


LINE_ENDS = st.text(alphabet=list(".;:!?…)”\"’»/ \ta1Đ"), max_size=12)


@settings(max_examples=500)
@given(LINE_ENDS)
def test_line_end_shortcut_agrees_with_its_patterns(text: str) -> None:
    from baocao.parse.blocks import _STRONG, _TERMINAL, STRONG_MARKS, TERMINAL_MARKS, _ends

    line = f"Thu ngân sách{text}".strip()
    assert _ends(line, _TERMINAL, TERMINAL_MARKS) == bool(_TERMINAL.search(line))
    assert _ends(line, _STRONG, STRONG_MARKS) == bool(_STRONG.search(line))
