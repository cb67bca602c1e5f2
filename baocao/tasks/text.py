"""Small text helpers shared by task extraction, matching and follow-up."""

from __future__ import annotations

import re

from baocao.text.normalize import fold

_NUMBER_PREFIX = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|[IVX]{1,4})\s*[.)]\s*")
_BULLET = re.compile(r"^\s*[-–—*+•]\s*")
_END_MARK = re.compile(r"\s*\./\.\s*$")
# a sentence ends at . ! ? followed by a space and a capital letter or an opening quote/bracket
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-ỸÁÉÍÓÚÝ0-9])")
_INTRO = re.compile(r"(sau|nhu sau|chu yeu sau|trong tam sau|cu the)\s*:\s*$")
_CLOSING = re.compile(
    r"^(tren day|noi nhan|ubnd .{0,60}thong bao|uy ban nhan dan .{0,60}thong bao|de nghi cac .{0,80}(thuc hien|quan tam))"
)


def strip_number(text: str) -> str:
    """Drop a printed list number ("3. ", "a) ", "II. ") and a bullet from the start."""
    return _BULLET.sub("", _NUMBER_PREFIX.sub("", text, count=1), count=1).strip()


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


def has_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def clean(text: str) -> str:
    """One line of clean text: spaces squashed, the end-of-document mark "./." turned into "."."""
    text = _END_MARK.sub(".", text)
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (abbreviations like "TP." rarely precede a capital in reports)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def is_intro(text: str) -> bool:
    """A lead-in line such as "… các nhiệm vụ, giải pháp chủ yếu sau:"."""
    return bool(_INTRO.search(fold(text.strip())))


def is_closing(text: str) -> bool:
    """A closing line ("Trên đây là …", "UBND thành phố thông báo …")."""
    return bool(_CLOSING.match(fold(strip_bullet(text))))
