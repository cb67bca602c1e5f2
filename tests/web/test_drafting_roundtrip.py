"""Round trip of a draft from the store: the core's reader, extractor and checks on the generated
DOCX give back the meta, every figure that went in (same indicator, same value at the printed
precision, same scope and estimate flag, its comparisons) and no error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from baocao.config import Config
from baocao.draft.numbers import auto_decimals, format_percent
from baocao.draft.sentences import EQUAL_TOLERANCE
from baocao.pipeline import Analysis, analyze
from baocao.web.drafting import services
from baocao.web.indicators.display import MULTIPLIERS
from baocao.web.indicators.models import IndicatorValue
from tests.web.test_drafting_store import draft, stock

pytestmark = pytest.mark.django_db


def read_back(package: services.DraftPackage, tmp_path: Path) -> Analysis:
    path = tmp_path / package.file_name("docx")
    path.write_bytes(services.docx_bytes(package))
    return analyze(path, Config())


def assert_figures_come_back(package: services.DraftPackage, analysis: Analysis) -> int:
    facts = analysis.facts
    checked = 0
    for line in package.figures.lines:
        if line.value is None:
            continue
        scale = MULTIPLIERS.get(line.display_unit, 1.0)
        tolerance = 0.5 * 10 ** -auto_decimals(line.value) * scale + 1e-9
        cumulative_only = " lũy kế " in f" {line.name} "
        same = [f for f in facts if f.indicator == line.indicator and abs(f.value - line.value * scale) <= tolerance
                and f.sentence.startswith(line.name[:1].upper() + line.name[1:])]
        assert same, f"{line.indicator} ({line.name}): {line.value} {line.display_unit} not read back"
        fact = same[0]
        assert (fact.qualifiers.scope != "period") == cumulative_only, line.name
        assert fact.qualifiers.estimate == line.estimate, line.name
        sentence_facts = [f for f in facts if f.sentence == fact.sentence]
        if line.cumulative is not None:
            assert any(f.qualifiers.scope != "period" and abs(f.value - line.cumulative * scale) <= tolerance * 10
                       for f in sentence_facts), line.name
        for change in (line.change_previous, line.change_same_period):
            if change is not None and abs(change) >= EQUAL_TOLERANCE:  # else "bằng cùng kỳ", no number
                assert any(f.role == "percent_change" and f.raw == format_percent(abs(change))
                           for f in sentence_facts), (line.name, change)
        if line.achievement is not None:
            assert any(f.role == "achievement" and f.raw == format_percent(line.achievement)
                       for f in sentence_facts), (line.name, line.achievement)
        checked += 1
    return checked


def assert_meta(analysis: Analysis, package: services.DraftPackage) -> None:
    meta = analysis.document.meta
    assert meta.doc_type == "report"
    assert meta.period is not None and meta.period.code == package.period.code
    assert (meta.unit_kind, meta.unit_name) == (package.unit.kind, package.unit.name)
    assert meta.level == package.unit.level
    assert meta.title == package.document.title
    assert meta.number == "......../BC-UBND"


@pytest.fixture
def stocked(world: dict) -> None:
    stock()


def test_a_wards_draft_reads_back_into_the_figures_that_went_in(stocked: Any, tmp_path: Path) -> None:
    package = draft("06041")
    analysis = read_back(package, tmp_path)
    assert_meta(analysis, package)
    assert assert_figures_come_back(package, analysis) >= 40


def test_the_figures_read_back_are_the_stores_values(stocked: Any, tmp_path: Path) -> None:
    package = draft("06041")
    analysis = read_back(package, tmp_path)
    stored = IndicatorValue.objects.filter(unit=package.unit, period=package.period, scope="period")
    extracted = {}
    for f in analysis.facts:
        if f.indicator and f.qualifiers.scope == "period" and f.role not in ("percent_change", "achievement"):
            extracted.setdefault(f.indicator, f.value)
    compared = 0
    for v in stored.select_related("indicator"):
        if v.indicator.code in extracted:
            assert extracted[v.indicator.code] == pytest.approx(v.value, rel=0.005, abs=0.01), v.indicator.code
            compared += 1
    assert compared >= 0.8 * stored.count()


def test_a_province_draft_reads_back_too(stocked: Any, tmp_path: Path) -> None:
    package = draft("20")
    analysis = read_back(package, tmp_path)
    assert_meta(analysis, package)
    assert assert_figures_come_back(package, analysis) >= 30
    assert [f for f in analysis.findings if f.severity == "error"] == []


def test_check_finds_no_error_in_the_draft(stocked: Any, tmp_path: Path) -> None:
    analysis = read_back(draft("06041"), tmp_path)
    assert [(f.code, f.message) for f in analysis.findings if f.severity == "error"] == []


def test_narrative_places_add_no_figures(stocked: Any, tmp_path: Path) -> None:
    analysis = read_back(draft("06041"), tmp_path)
    inside = [f for f in analysis.facts if "Nội dung do đơn vị bổ sung" in f.sentence
              and f.sentence.find("[") != -1 and f.sentence.index("[") < f.sentence.find(f.raw)]
    assert inside == []
