"""Reports we never saw, in every input format: synthetic reports rendered as text layer, PDF
and DOCX parse to the same structure, footnotes and figures as their known truth."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from baocao.config import Config
from baocao.pipeline import analyze
from baocao.synth import make_province, render_report
from baocao.synth.docx_out import render_docx
from baocao.synth.model import SynthReport
from baocao.synth.pdf_out import render_pdf


@lru_cache(maxsize=1)
def reports() -> tuple[SynthReport, ...]:
    province = make_province(6, 21)
    units = [u for u in province.units if u.valid_to is None]
    return tuple(render_report(province, units[i].code, 2025, 9 + i % 3, 40 + i) for i in range(3))


def tail(text: str, n: int = 18) -> str:
    return " ".join(text.split())[-n:]


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx"])
@pytest.mark.parametrize("index", [0, 1, 2])
def test_footnotes_sections_and_meta_survive_every_format(tmp_path: Path, fmt: str, index: int) -> None:
    rep = reports()[index]
    path = tmp_path / f"r.{fmt}"
    if fmt == "txt":
        path.write_text(rep.text, encoding="utf-8")
    elif fmt == "pdf":
        render_pdf(rep, path)
    else:
        render_docx(rep, path)
    doc = analyze(path, Config(), upto="parse").document
    assert [f.number for f in doc.footnotes] == [f.number for f in rep.footnotes]
    for got, want in zip(doc.footnotes, rep.footnotes, strict=True):
        assert got.paragraph is not None
        assert tail(got.anchor) == tail(want.anchor), (got.number, got.anchor, want.anchor)
        assert " ".join(got.text.split())[:30] == " ".join(want.text.split())[:30]
    numbered = [s.number for s in doc.iter_sections() if s.number]
    truth = [s.number for s in rep.sections if s.number]
    assert numbered == truth
    assert doc.meta.unit_name == rep.meta.unit_name.removeprefix(f"{rep.meta.unit_kind} ")
    assert (doc.meta.unit_kind, doc.meta.level) == (rep.meta.unit_kind, rep.meta.level)
    assert doc.meta.period is not None and (doc.meta.period.year, doc.meta.period.month) == (rep.meta.year, rep.meta.month)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_figures_of_pdf_and_docx_match_the_text_layer(tmp_path: Path, fmt: str) -> None:
    rep = reports()[0]
    txt = tmp_path / "r.txt"
    txt.write_text(rep.text, encoding="utf-8")
    other = tmp_path / f"r.{fmt}"
    (render_pdf if fmt == "pdf" else render_docx)(rep, other)
    a = analyze(txt, Config(), upto="extract").facts
    b = analyze(other, Config(), upto="extract").facts
    assert sorted((f.value, f.unit) for f in a) == sorted((f.value, f.unit) for f in b)
