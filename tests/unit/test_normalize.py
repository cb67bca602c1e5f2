"""Folding keeps its contract: `fold_keep_length` is `fold` character by character, one character each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from baocao.text.normalize import fold, fold_keep_length


def _by_character(text: str) -> str:
    """The definition (and the former implementation): each character's fold, its first character."""
    return "".join((fold(ch) or ch)[0] for ch in text)


def test_every_character_up_to_the_cjk_block_keeps_its_place() -> None:
    text = "".join(chr(cp) for cp in range(1, 0x3100) if not 0xD800 <= cp < 0xE000)
    assert fold_keep_length(text) == _by_character(text)
    assert len(fold_keep_length(text)) == len(text)


def test_vietnamese_with_decomposed_marks() -> None:
    text = "Đẩy nhanh tiến độ GIẢI NGÂN vốn đầu tư công; Hòa Bình (NFD: Hoa\u0300 Bi\u0300nh) ß ﬁ"
    assert fold_keep_length(text) == _by_character(text)
    assert fold_keep_length("Đẩy nhanh") == "day nhanh"


@given(st.text(max_size=60))
def test_random_text(text: str) -> None:
    assert fold_keep_length(text) == _by_character(text)
