"""Finding every phrase of a list in a normalised text at once (the catalogue's phrases).

Texts and phrases are normalised alike (`normalise`): folded words separated by one
space, with a space at both ends. One regex, a character trie of the phrases, finds at each
word the longest phrase starting there; the shorter phrases starting there are the longest
one's word prefixes, listed in advance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from baocao.text.normalize import Translator, fold
from baocao.text.trie import trie_pattern

PhraseKey = tuple[str, str]  # (indicator code, normalised phrase)

# Clause punctuation stays in the normalised text as a "," word (";" as itself: it ends a clause),
# so that no phrase matches across it ("đúng hạn 263 hồ sơ, quá hạn" holds no "hồ sơ quá hạn").
# Inside numbers ("1.234,5") it does no harm: no phrase holds a digit.
_BARRIERS = ",;:()[]!?."


def _norm_char(folded: str) -> str:
    """What one folded character becomes: itself (a word character), a clause mark, or a space."""
    out = []
    for c in folded:
        if c == ";":
            out.append(" ; ")
        elif c in _BARRIERS:
            out.append(" , ")
        elif c.isalnum() or c in "_%":
            out.append(c)
        else:
            out.append(" ")
    return "".join(out)


class _Norms(dict[int, str]):
    """Code point → its fold with non-word characters spaced, filled the first time one is met:
    folding and spacing in one `str.translate`."""

    def __missing__(self, cp: int) -> str:
        out = self[cp] = _norm_char(fold(chr(cp)))
        return out


_NORMS = Translator(_Norms())


def normalise(text: str) -> str:
    """Folded words and clause marks separated by single spaces, with a space at both ends
    (" thu ngan sach , trong do ")."""
    return " " + " ".join(_NORMS(text).split()) + " "


class PhraseMatcher:
    """All occurrences of many normalised phrases in a normalised text."""

    def __init__(self, phrases: Iterable[PhraseKey]) -> None:
        by_phrase: dict[str, list[PhraseKey]] = {}
        for code, phrase in phrases:
            if phrase.split():
                by_phrase.setdefault(phrase, []).append((code, phrase))
        # for the longest phrase found at a word: every phrase that starts there, with its length
        self._starting: dict[str, tuple[tuple[PhraseKey, int], ...]] = {}
        for phrase in by_phrase:
            self._starting[phrase[1:]] = tuple(
                (key, i + 1)
                for i, ch in enumerate(phrase)
                if ch == " " and i and phrase[: i + 1] in by_phrase
                for key in by_phrase[phrase[: i + 1]]
            )
        self._pattern = re.compile(" (?=(" + trie_pattern(p[1:] for p in by_phrase) + "))")

    def find(self, text: str) -> dict[PhraseKey, int]:
        """Every phrase in `text`: (code, phrase) → end of its last occurrence (after its last space)."""
        found: dict[PhraseKey, int] = {}
        for m in self._pattern.finditer(text):
            at = m.start()
            for key, size in self._starting[m.group(1)]:
                found[key] = at + size
        return found

