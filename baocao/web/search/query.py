"""What people type → what the index is asked, and the hits marked in the sentences found.

- Folding: "giải ngân", "GIẢI NGÂN" and "giai ngan" are the same query (`fold()`: no marks, đ→d).
- Phrases: the words typed are searched next to each other; when that finds nothing, every
  word anywhere in the sentence.
- Abbreviations (baocao/data/abbreviations.tsv): "GPMB" also searches "giải phóng mặt bằng",
  and "giải phóng mặt bằng" also searches "GPMB".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from baocao.text.normalize import fold, fold_keep_length, squash_spaces

MAX_QUERY = 200
MAX_VARIANTS = 8
SNIPPET = 360  # characters of a long sentence shown around the first hit


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str, str, str], ...]:
    """(folded abbreviation, folded expansion, abbreviation, expansion), longest abbreviation first."""
    text = resources.files("baocao.data").joinpath("abbreviations.tsv").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        abbr, expansion = line.split("\t", 1)
        abbr, expansion = squash_spaces(abbr), squash_spaces(expansion)
        pairs.append((squash_spaces(fold(abbr)), squash_spaces(fold(expansion)), abbr, expansion))
    return tuple(sorted(set(pairs), key=lambda p: (-len(p[0]), p)))


def words_of(folded: str) -> list[str]:
    return re.findall(r"\w+", folded)


@lru_cache(maxsize=1024)
def phrase_pattern(folded: str) -> re.Pattern[str] | None:
    """Its words in a row, any punctuation or spaces between them, whole words only."""
    words = words_of(folded)
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)")


@dataclass(frozen=True)
class Query:
    text: str  # as typed (trimmed)
    folded: str
    phrases: tuple[str, ...]  # the folded query first, then its abbreviation variants
    also: tuple[str, ...] = ()  # what the variants added, as people write it ("giải phóng mặt bằng")

    @property
    def words(self) -> list[str]:
        return words_of(self.folded)



def parse(text: str | None) -> Query | None:
    """The query for a text, or None when it has no word to search."""
    text = squash_spaces((text or "").replace("\n", " "))[:MAX_QUERY]
    folded = squash_spaces(fold(text))
    if not words_of(folded):
        return None
    phrases = [folded]
    also: list[str] = []
    for abbr, expansion, abbr_shown, expansion_shown in abbreviations():
        for source, target, shown, min_words in ((abbr, expansion, expansion_shown, 1),
                                                  (expansion, abbr, abbr_shown, 2)):
            pattern = phrase_pattern(source)
            if pattern is None or len(words_of(source)) < min_words:
                continue
            for phrase in list(phrases):
                if pattern.search(phrase):
                    variant = pattern.sub(lambda _m, t=target: t, phrase)
                    if variant not in phrases and len(phrases) < MAX_VARIANTS:
                        phrases.append(variant)
                        if shown not in also:
                            also.append(shown)
    return Query(text=text, folded=folded, phrases=tuple(phrases), also=tuple(also))


def hit_spans(text: str, query: Query, words_mode: bool = False) -> list[tuple[int, int]]:
    """Where the query matches `text` (offsets in `text`; folding keeps the length)."""
    folded = fold_keep_length(text)
    patterns = [phrase_pattern(w) for w in query.words] if words_mode else [phrase_pattern(p) for p in query.phrases]
    spans = []
    for pattern in patterns:
        if pattern is not None:
            spans += [(m.start(), m.end()) for m in pattern.finditer(folded)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlighted(text: str, query: Query, words_mode: bool = False, limit: int = SNIPPET) -> str:
    """The sentence as HTML with every hit in <mark>; a long sentence is cut around the first hit."""
    spans = hit_spans(text, query, words_mode)
    lo, hi = 0, len(text)
    if len(text) > limit:
        first = spans[0][0] if spans else 0
        lo = max(0, first - limit // 3)
        if lo:
            space = text.find(" ", lo)
            lo = space + 1 if 0 <= space < first else lo
        hi = min(len(text), lo + limit)
        if hi < len(text):
            space = text.rfind(" ", lo, hi)
            hi = space if space > (spans[0][1] if spans else lo) else hi
    out = ["…"] if lo else []
    pos = lo
    for start, end in spans:
        if end <= lo or start >= hi:
            continue
        start, end = max(start, lo), min(end, hi)
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:hi]))
    if hi < len(text):
        out.append("…")
    return "".join(out)
