"""Round trip: a generated draft read by `baocao.pipeline.analyze` gives back its sections, its
sentences and the figures that went into it, and `baocao check` finds no error in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.config import Config
from baocao.draft.demo import FIGURES, demo_draft
from baocao.draft.docx_writer import write_docx
from baocao.draft.model import DraftSection
from baocao.draft.numbers import format_number, format_percent
from baocao.parse.model import Section
from baocao.pipeline import Analysis, analyze


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    path = write_docx(demo_draft(), tmp_path_factory.mktemp("draft") / "du-thao.docx")
    return analyze(Path(path), Config())


def flatten_draft(sections: tuple[DraftSection, ...]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for s in sections:
        out.append((s.number, s.title.upper() if s.level == 1 else s.title))
        out.extend(flatten_draft(s.children))
    return out


def flatten_parsed(sections: tuple[Section, ...]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for s in sections:
        out.append((s.number, s.title))
        out.extend(flatten_parsed(s.children))
    return out


def test_sections_come_back_with_their_numbers_and_titles(analysis: Analysis) -> None:
    assert flatten_parsed(analysis.document.sections) == flatten_draft(demo_draft().sections)


def test_every_sentence_comes_back(analysis: Analysis) -> None:
    parsed = {" ".join(p.text.split()) for p in analysis.document.iter_paragraphs()}
    draft = demo_draft()
    written = [p.text for p in draft.intro]
    stack = list(draft.sections)
    while stack:
        s = stack.pop(0)
        written.extend(p.text for p in s.paragraphs)
        stack[:0] = s.children
    assert written
    missing = [w for w in written if " ".join(w.split()) not in parsed]
    assert missing == []


def test_meta_comes_back(analysis: Analysis) -> None:
    meta = analysis.document.meta
    assert meta.doc_type == "report"
    assert meta.period is not None and meta.period.code == "2025-08"
    assert meta.title == demo_draft().title
    assert meta.unit_kind == "phường" and meta.level == "commune"
    assert meta.number is not None and meta.number.endswith("/BC-UBND")


def test_figures_come_back_from_the_extractor(analysis: Analysis) -> None:
    facts = analysis.facts
    for fig in FIGURES:
        if fig.value is None:
            continue
        raw = format_number(fig.value, fig.decimals, count=fig.count) if fig.display_unit != "%" else \
            format_percent(fig.value, fig.decimals)
        same = [f for f in facts if f.raw.startswith(raw) and f.sentence.startswith(fig.name)]
        assert same, f"{fig.name}: {raw} not extracted"
        assert same[0].qualifiers.estimate == fig.estimate, fig.name
        if fig.cumulative is not None:
            cumulative = format_number(fig.cumulative, fig.decimals)
            assert any(f.raw.startswith(cumulative) and f.qualifiers.scope != "period" for f in facts), fig.name
        for change in (fig.change_same_period, fig.change_previous):
            if change is not None:
                shown = format_percent(abs(change))
                assert any(f.raw == shown and f.role == "percent_change" and f.sentence.startswith(fig.name)
                           for f in facts), (fig.name, shown)
        if fig.achievement is not None:
            shown = format_percent(fig.achievement)
            assert any(f.raw == shown and f.role == "achievement" for f in facts), (fig.name, shown)


def test_placeholders_add_no_figures(analysis: Analysis) -> None:
    in_placeholders = [f for f in analysis.facts if "Nội dung do đơn vị bổ sung" in f.sentence
                       and f.sentence.index("[") < f.sentence.find(f.raw)]
    assert in_placeholders == []


def test_check_finds_no_error_in_a_draft(analysis: Analysis) -> None:
    errors = [f for f in analysis.findings if f.severity == "error"]
    assert errors == []
