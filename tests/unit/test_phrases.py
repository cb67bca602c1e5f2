"""The catalogue's phrase matcher finds what a naive search finds."""

from __future__ import annotations

import random

from baocao.extract.catalogue import load_catalogue
from baocao.extract.phrases import PhraseMatcher
from baocao.extract.phrases import normalise as _norm


def naive(text: str, phrases: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """(code, phrase) → end of the phrase's last occurrence."""
    return {(c, p): text.rfind(p) + len(p) for c, p in phrases if p.split() and p in text}


def test_matcher_finds_nested_and_repeated_phrases() -> None:
    phrases = [("a", " tiep nhan "), ("b", " tiep nhan ho so "), ("c", " ho so "), ("d", " tiep nhan ho so "),
               ("e", " ty le % "), ("f", " so ")]
    matcher = PhraseMatcher(phrases)
    for text in (" tiep nhan ho so tiep nhan ", "  ", " ho so ty le % so ", " tiep nhanh ho sox "):
        assert matcher.find(text) == naive(text, phrases), text


def test_matcher_on_catalogue_phrases() -> None:
    catalogue = load_catalogue()
    phrases = [(i.code, p) for i in catalogue.indicators for p in i.phrases]
    words = sorted({w for _, p in phrases for w in p.split()})
    rng = random.Random(7)
    for _ in range(300):
        picked = [rng.choice(phrases)[1].strip() if rng.random() < 0.3 else rng.choice(words) for _ in range(12)]
        text = _norm(" ".join(picked))
        assert catalogue.matcher().find(text) == naive(text, phrases), text
