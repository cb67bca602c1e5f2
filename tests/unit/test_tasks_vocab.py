"""The task vocabulary's phrase finding (a character-trie regex, heading votes kept) gives exactly
what the plain longest-first alternation and the two-pass `sector()` it replaced gave."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.synth import make_province, render_report
from baocao.synth.series import Series
from baocao.tasks.text import clean, split_sentences
from baocao.tasks.vocab import Vocabulary, vocabulary
from baocao.text.normalize import fold


def _old_alternation(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return re.compile(rf"(?<!\w)({'|'.join(re.escape(p) for p in ordered)})(?!\w)")


@cache
def _old_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    v = vocabulary()
    return _old_alternation(list(v.sector_of)), _old_alternation(list(v.indicator_of))


def _old_scores(v: Vocabulary, text: str, heading: str = "") -> dict[str, float]:
    sector_pattern = _old_patterns()[0]
    scores: dict[str, float] = {}
    folded = fold(text)
    m = re.search(r"[.;]\s", folded)
    first_end = m.start() if m else len(folded)
    for m in sector_pattern.finditer(folded):
        sector, weight = v.sector_of[m.group(1)]
        scores[sector] = scores.get(sector, 0.0) + min(weight, 3) * (2.0 if m.start() < first_end else 1.0)
    for m in sector_pattern.finditer(fold(heading)):
        sector, weight = v.sector_of[m.group(1)]
        scores[sector] = scores.get(sector, 0.0) + 2.0 * min(weight, 3)
    return scores


def _old_sector(v: Vocabulary, text: str, heading: str = "") -> str:
    scores = _old_scores(v, text, heading)
    if not scores:
        return "other"
    own = _old_scores(v, text)
    return max(sorted(scores), key=lambda code: (scores[code], own.get(code, 0.0)))


def _same(text: str, heading: str = "") -> None:
    v = vocabulary()
    sectors, indicators = _old_patterns()
    folded = fold(text)
    assert [(m.span(), m.group(1)) for m in v.sector_pattern.finditer(folded)] == \
        [(m.span(), m.group(1)) for m in sectors.finditer(folded)]
    assert [(m.span(), m.group(1)) for m in v.indicator_pattern.finditer(folded)] == \
        [(m.span(), m.group(1)) for m in indicators.finditer(folded)]
    assert v.sector_scores(text, heading) == _old_scores(v, text, heading)
    assert v.sector(text, heading) == _old_sector(v, text, heading)
    assert v.sector(text) == _old_sector(v, text)
    assert v.sector("", heading) == _old_sector(v, "", heading)


@cache
def _report_lines() -> list[str]:
    province = make_province(4, 7, districts=False)
    series = Series(province)
    lines: list[str] = []
    for code, month in (("55001", 3), ("55501", 9)):  # a commune before the July 2025 merger, a ward after
        text = render_report(province, code, 2025, month, 7, series=series).text
        lines.extend(clean(line) for line in text.splitlines() if line.strip())
    return lines


def test_synthetic_report_sentences_under_their_headings_give_the_same_sectors() -> None:
    lines = _report_lines()
    heading = ""
    for line in lines:
        if len(line) < 80 and not line.endswith("."):
            heading = line
        for sentence in split_sentences(line):
            _same(sentence, heading)
        _same(line, heading)


def test_edge_cases_of_word_boundaries_give_the_same_matches() -> None:
    for text in ("đạt 58% dự toán tỉnh giao", "đạt 58 % dự toán tỉnh giao", "% dự toán tỉnh giao",
                 "thuế", "thuếx thuế_ thuế", "gia súc, gia cầm và gia súc", "thu ngân sách; thu ngân sách nhà nước.",
                 "khám, chữa bệnh khám chữa bệnh", "", "   ", "Tổng thu ngân sách nhà nước trên địa bàn"):
        _same(text, text)


@cache
def _words() -> list[str]:
    v = vocabulary()
    out = {w for phrase in (*v.sector_of, *v.indicator_of) for w in re.findall(r"\w+|\W", phrase)}
    return sorted(out | {"x", "1", "58", "%", ",", ".", ";", " ", "_", "đ", "Thuế", "ĐẦU"})


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_texts_from_the_phrases_own_words_give_the_same_matches(data: st.DataObject) -> None:
    v = vocabulary()
    phrases = sorted({*v.sector_of, *v.indicator_of})
    parts = data.draw(st.lists(st.one_of(st.sampled_from(phrases), st.sampled_from(_words())), max_size=30))
    seps = data.draw(st.lists(st.sampled_from(["", " ", ", ", ". ", "; ", "-", "%"]), min_size=len(parts),
                              max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps, strict=True))
    heading = data.draw(st.sampled_from(["", *phrases[:50], "Lĩnh vực kinh tế", "Văn hóa - xã hội"]))
    _same(text, heading)
