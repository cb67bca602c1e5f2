"""Rules on the words: doubled words and misspellings of the domain vocabulary (word list in data)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from baocao.check.common import Report
from baocao.check.model import Evidence, Finding
from baocao.extract.lexicon import _data_text
from baocao.text.normalize import nfc

_WORDS = re.compile(r"[^\W\d_]+")
_DOUBLED = re.compile(r"(?<![^\W\d_])([^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s+\1(?![^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _misspellings() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    out = []
    for line in _data_text("misspellings.tsv", None).splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        wrong, right = (nfc(x.strip()) for x in line.split("\t", 1))
        if wrong and right and wrong != right:
            out.append((re.compile(rf"(?<![^\W\d_]){re.escape(wrong)}(?![^\W\d_])", re.IGNORECASE), wrong, right))
    return tuple(out)


@lru_cache(maxsize=1)
def _doubles() -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]]]:
    """(repetitions that are correct Vietnamese, single syllables whose doubling is a slip,
    known two-syllable words from the data files)."""
    sections: dict[str, set[str]] = {"allowed": set(), "single": set(), "compounds": set()}
    current = sections["allowed"]
    for line in _data_text("doubled_words.txt", None).splitlines():
        line = nfc(line.strip()).lower()
        if line.startswith("[single"):
            current = sections["single"]
        elif line.startswith("[compounds"):
            current = sections["compounds"]
        elif line and not line.startswith("#") and not line.startswith("["):
            current.add(line)
    vocabulary = list(sections["compounds"])
    for name in ("count_nouns.txt", "indicators.yaml", "abbreviations.tsv"):
        vocabulary.extend(_data_text(name, None).lower().splitlines())
    pairs: set[tuple[str, str]] = set()
    for phrase in vocabulary:
        words = _WORDS.findall(nfc(phrase))
        if len(words) == 2:  # a two-syllable word; longer phrases would make every neighbour a "word"
            pairs.add((words[0], words[1]))
    return frozenset(sections["allowed"]), frozenset(sections["single"]), frozenset(pairs)


def _texts(report: Report) -> Iterator[tuple[str, str | None, int | None]]:
    for p in report.document.iter_paragraphs():
        yield p.text, p.id, None
    for n in report.document.footnotes:
        yield n.text, n.paragraph, n.number


def doubled_words(report: Report) -> Iterator[Finding]:
    """ "hàng hóa hàng hóa", "được được", "kịp kịp thời". A single syllable written twice may be
    two compounds meeting ("vệ sinh sinh hoạt"): it is flagged when it is a function word
    listed in the data, or unless both word pairs it would form are known two-syllable words
    (data files: the [compounds] list, count nouns, indicator phrases)."""
    allowed, single, known = _doubles()
    pairs = known
    for text, pid, fn in _texts(report):
        for m in _DOUBLED.finditer(text):
            phrase = m.group(1)
            if phrase.lower() in allowed or len(phrase) < 2:
                continue
            if " " not in phrase.strip() and phrase.lower() not in single:
                word = phrase.lower()
                before = _WORDS.findall(text[max(0, m.start() - 20) : m.start()].lower())
                after = _WORDS.findall(text[m.end() : m.end() + 20].lower())
                left = (before[-1], word) if before else None
                right = (word, after[0]) if after else None
                if left in pairs and right in pairs:
                    continue
            yield Finding(code="doubled_word", severity="warning", message=f"Từ bị lặp: «{m.group(0)}».",
                          evidence=(Evidence(sentence=text[max(0, m.start() - 60) : m.end() + 60], paragraph=pid,
                                             footnote=fn, start=m.start(), end=m.end(), raw=m.group(0)),),
                          suggestion=phrase, section=report.section_of.get(pid or ""), rule="doubled_words")


def misspellings(report: Report) -> Iterator[Finding]:
    for text, pid, fn in _texts(report):
        seen: set[int] = set()
        for pattern, _wrong, right in _misspellings():
            for m in pattern.finditer(text):
                if m.start() in seen:
                    continue
                seen.add(m.start())
                yield Finding(code="misspelling", severity="warning",
                              message=f"Có thể viết sai chính tả: «{m.group(0)}» → «{right}».",
                              evidence=(Evidence(sentence=text[max(0, m.start() - 60) : m.end() + 60], paragraph=pid,
                                                 footnote=fn, start=m.start(), end=m.end(), raw=m.group(0)),),
                              suggestion=right, section=report.section_of.get(pid or ""), rule="misspellings")
