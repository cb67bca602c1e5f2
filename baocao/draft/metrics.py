"""Text widths in Times New Roman, to draw the rules of the header block at the right length.

Decree 30/2020 (Appendix I, II.1.b and II.2.b) wants the rule under the motto as long as the
motto line and the rule under the issuing body 1/3 to 1/2 of its line. Word has no "rule as
long as the text" for a paragraph, so the writer draws a paragraph border between computed
indents. Widths are the Adobe core metrics of Times-Roman and Times-Bold (Liberation Serif,
which LibreOffice substitutes, has the same advances); a Vietnamese letter is as wide as its
base letter, which holds for these fonts to within a few percent (ơ and ư a little wider).
"""

from __future__ import annotations

import unicodedata

# advance widths in 1/1000 em for the printable ASCII characters 32..126
_ROMAN = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
    500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
    722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500,
    444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480,
    200, 480, 541,
)
_BOLD = (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
    500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
    722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556,
    444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394,
    220, 394, 520,
)
_HORNED = frozenset("ơƠưƯ")
_DASHES = {"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."}


def _base(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    if ch in _DASHES:
        return _DASHES[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if decomposed else ch


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of a line of text in points."""
    table = _BOLD if bold else _ROMAN
    units = 0.0
    for ch in text:
        base = _base(ch)
        for b in base:
            code = ord(b)
            units += table[code - 32] if 32 <= code <= 126 else 556
        if ch in _HORNED:
            units += 60
    return units * size_pt / 1000.0
