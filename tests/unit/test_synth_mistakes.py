"""Each mistake kind changes what it should, and only there."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from baocao.synth import MISTAKE_KINDS, make_province, render_report, write_corpus
from baocao.synth.world import SynthProvince

FIGURES = {"sum": "sum", "ratio": "ratio", "percent_change": "change", "carry_over": "carry_over",
           "cumulative": "cumulative"}


@pytest.fixture(scope="module")
def province() -> SynthProvince:
    return make_province(8, seed=21)


@pytest.mark.parametrize("kind", MISTAKE_KINDS)
@pytest.mark.parametrize("level", ["province", "commune"])
def test_each_mistake_kind(province: SynthProvince, kind: str, level: str) -> None:
    code = province.code if level == "province" else next(
        u.code for u in province.units if u.level == "commune" and u.valid_from is not None)
    clean = render_report(province, code, 2025, 9, seed=2)
    bad = render_report(province, code, 2025, 9, seed=2, mistakes=(kind,))
    assert len(bad.mistakes) == 1
    mistake = bad.mistakes[0]
    assert mistake.kind == kind and mistake.expected != mistake.actual and mistake.description
    assert bad.text != clean.text
    failing = [c for c in bad.checks if not c.holds]
    if kind in FIGURES:
        assert [c.kind for c in failing] == [FIGURES[kind]]
        assert mistake.fact_ids[0] in {failing[0].result, *failing[0].operands}
        printed = bad.fact(mistake.fact_ids[0])
        assert printed.raw == mistake.actual
        assert bad.text[printed.start:printed.end] == mistake.actual
    else:
        assert not failing
        for raw in mistake.involved:
            assert raw.split(". ", 1)[-1][:20] in bad.text.replace("\n\n", " ").replace(" \n", " ") or raw[:8] in bad.text
    if kind in ("duplicate_heading", "skipped_heading"):
        assert [s.number for s in bad.sections] != [s.number for s in clean.sections]
    if kind == "doc_date":
        dates = [n.raw for n in bad.non_facts if n.kind == "doc_date"]
        assert len(set(dates)) == 2


def test_all_mistakes_together(province: SynthProvince) -> None:
    report = render_report(province, province.code, 2025, 9, seed=2, mistakes=MISTAKE_KINDS)
    assert sorted(m.kind for m in report.mistakes) == sorted(MISTAKE_KINDS)


def test_unknown_mistake_kind(province: SynthProvince) -> None:
    with pytest.raises(ValueError):
        render_report(province, province.code, 2025, 9, seed=2, mistakes=("nonsense",))


def test_corpus(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, n_communes=4, months=3, seed=9, start=(2025, 5))
    units = list(csv.DictReader((tmp_path / "units.csv").open(encoding="utf-8")))
    assert list(units[0]) == ["code", "name", "kind", "parent_code", "valid_from", "valid_to"]
    lineage = list(csv.DictReader((tmp_path / "lineage.csv").open(encoding="utf-8")))
    assert list(lineage[0]) == ["unit_code", "predecessor_code", "share", "kind", "date"]
    assert any(row["kind"] == "merge" for row in lineage)
    records = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(paths)
    assert {r["file"] for r in records} == {p.name for p in paths}
    months = {(r["meta"]["year"], r["meta"]["month"]) for r in records}
    assert months == {(2025, 5), (2025, 6), (2025, 7)}
    july = [r for r in records if r["meta"]["month"] == 7]
    assert all(r["meta"]["level"] in ("province", "commune") for r in july)
    again = tmp_path / "again"
    write_corpus(again, n_communes=4, months=3, seed=9, start=(2025, 5))
    assert (again / "truth.jsonl").read_text(encoding="utf-8") == (tmp_path / "truth.jsonl").read_text(encoding="utf-8")
