"""finditer_at finds what finditer finds, for patterns that begin a run of digits or a word."""

from __future__ import annotations

import re

from baocao.extract.nonfacts import _AT_DIGITS
from baocao.text.dates import DAY_MONTH, NUMERIC
from baocao.text.starts import digit_starts, finditer_at, finditer_words, literal_starts

TEXTS = (
    "Ngày 14/11/2025 và 15/8-27/8, tháng 6/2025; 2273/QĐ-UBND; 2021 - 2025; 24/7; 8h30; 14 giờ 30 phút",
    "27-31/3/2025, 12, 13 tháng 5; khối 7+10; 1.809,6/4.930 triệu đồng; 19/21 hộ; 02/11 nhiệm vụ",
    "12345/678/9 1/2/3/4 01.02.2024 5-6-25 ١٢/٣ 2020-2021-2022 7+8+9 10h45h30 31/12/2024/",
    "",
    "không có số",
)


def test_finditer_at_matches_finditer() -> None:
    patterns = [p for p, _ in _AT_DIGITS] + [NUMERIC, DAY_MONTH]
    for text in TEXTS:
        starts = digit_starts(text)
        for pattern in patterns:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in finditer_at(pattern, text, starts)] == expected, (pattern.pattern, text)


def test_digit_starts() -> None:
    assert digit_starts("a12 b3,45") == [1, 5, 7]
    assert digit_starts(re.sub(r"\d", "", "x1y")) == []


def test_literal_starts_and_word_patterns() -> None:
    text = "UBND phường Tam Thanh, thị xã Lạng Sơn; xã Mai Pha và thị trấn Na Sầm, UBND thị xã"
    kinds = ("thị xã", "thị trấn", "phường", "xã")
    assert literal_starts(text, kinds) == [5, 23, 27, 40, 54, 76, 80]
    pattern = re.compile(r"\b(thị xã|thị trấn|phường|xã)\s+(\w+)")
    starts = literal_starts(text, kinds)
    assert [m.span() for m in finditer_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


def test_first_words_have_plain_case_variants() -> None:
    """finditer_words finds an IGNORECASE match's start in text.lower(), and needles are looked
    for there: every character the pattern's letter matches must lower to that letter."""
    from baocao.extract.context import APPROX_NEEDLES, FIRST_WORDS
    from baocao.extract.nonfacts import AT_WORDS
    from baocao.extract.parts import BREAKDOWN_FIRST
    from baocao.extract.relations import _BASIS, ACHIEVE_NEEDLES, CHANGE_NEEDLES
    from baocao.text.dates import WORDS_FIRST

    everything = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    in_use = [*FIRST_WORDS.values(), BREAKDOWN_FIRST, WORDS_FIRST, *(words for _, _, words in AT_WORDS),
              CHANGE_NEEDLES, ACHIEVE_NEEDLES, *(needles for _, _, needles in _BASIS), APPROX_NEEDLES]
    letters = {ch for words in in_use for word in words for ch in word}
    for letter in sorted(letters):
        matched = set(re.findall(re.escape(letter), everything, re.IGNORECASE))
        assert all(ch.lower() == letter for ch in matched), (letter, matched)


def test_finditer_words_matches_finditer() -> None:
    pattern = re.compile(r"(?<![^\W\d_])(?:ước|dự\s+kiến)|\b\d+\s+tháng", re.IGNORECASE)
    for text in ("Ước đạt 5 tháng, DỰ KIẾN 3 THÁNG; ứớc", "İ ước 2 tháng", ""):
        found = [m.span() for m in finditer_words(pattern, text, ("ước", "dự"), digits=True)]
        assert found == [m.span() for m in pattern.finditer(text)], text
