"""Unicode normalisation and the one folding function used for search and matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """NFC-normalise (the seeds mix NFC and NFD words within one document)."""
    return unicodedata.normalize("NFC", text)


def nfc_lines(text: str) -> str:
    """`nfc` of a long text, line by line: a newline never composes with its neighbours, and
    only the few lines with decomposed words need normalising (the quick check passes the rest)."""
    return "\n".join(
        line if unicodedata.is_normalized("NFC", line) else unicodedata.normalize("NFC", line)
        for line in text.split("\n")
    )


def _fold_slow(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").casefold()


# Precomputed for Latin letters with diacritics (all of Vietnamese): str.translate is fast.
_TABLE = {cp: _fold_slow(chr(cp)) for cp in range(0xC0, 0x2000) if _fold_slow(chr(cp)) != chr(cp)}
_TABLE.update({cp: chr(cp).lower() for cp in range(ord("A"), ord("Z") + 1)})
_TABLE.update({cp: _fold_slow(chr(cp)) for cp in range(0x1E00, 0x1F00)})


def _fold_char(ch: str) -> str:
    folded = ch.translate(_TABLE)
    return folded if folded.isascii() else _fold_slow(folded)


class _Folds(dict[int, str]):
    """Code point → its fold, filled in the first time `str.translate` meets a character.

    Folding is character by character (NFD only reorders the combining marks it drops;
    casefold has no context), so translating with every character's fold folds the text."""

    def __missing__(self, cp: int) -> str:
        folded = self[cp] = _fold_char(chr(cp))
        return folded


_FOLDS = _Folds()

_DENSE_END = 0x2070  # Latin, Vietnamese, combining marks, Greek, Cyrillic, general punctuation
_BEYOND_DENSE = re.compile("[^\x00-\u206f]")


class Translator:
    """`text.translate(table)` for a table that fills itself (`__missing__`), faster.

    `str.translate` looks a plain dict up faster than a dict subclass, so a plain copy of
    the table for every code point below U+2070 serves the texts that hold no other
    character (a quick regex search tells); the others use the table itself."""

    def __init__(self, table: dict[int, str]) -> None:
        self._table = table
        self._dense: dict[int, str] = {}

    def __call__(self, text: str) -> str:
        if _BEYOND_DENSE.search(text):
            return text.translate(self._table)
        if not self._dense:
            self._dense = {cp: self._table[cp] for cp in range(_DENSE_END)}
        return text.translate(self._dense)


_fold = Translator(_FOLDS)


def fold(text: str) -> str:
    """Fold for diacritic-insensitive matching: NFD, drop combining marks, đ→d, casefold.

    Length is not preserved in general; use `fold_keep_length` when offsets matter.
    """
    return _fold(text)


class _KeepLength(dict[int, str]):
    """Code point → the first character of its fold (itself when it folds to nothing)."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        folded = _FOLDS[cp]
        kept = self[cp] = folded[0] if folded else ch
        return kept


_KEEP_LENGTH = _KeepLength()


def fold_keep_length(text: str) -> str:
    """Fold an NFC string character by character, so offsets stay the same."""
    return text.translate(_KEEP_LENGTH)


def squash_spaces(text: str) -> str:
    """Collapse runs of horizontal whitespace into one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()
