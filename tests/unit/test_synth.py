"""Synthetic reports: determinism, internal consistency, layout and truth offsets."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from baocao.synth.model import SynthReport, TruthCheck, TruthFact
from baocao.synth.series import Series
from baocao.synth.world import SynthProvince, make_province
from baocao.synth.writer import render_report


@pytest.fixture(scope="module")
def province() -> SynthProvince:
    return make_province(10, seed=11)


@pytest.fixture(scope="module")
def series(province: SynthProvince) -> Series:
    return Series(province)


def sample_reports(province: SynthProvince, series: Series) -> list[SynthReport]:
    units = [province.code]
    units += [u.code for u in province.units if u.level == "commune"][:3]
    units += [u.code for u in province.units if u.level == "district"][:1]
    out = []
    for code in units:
        unit = province.unit(code)
        for year, month in ((2024, 1), (2024, 11), (2025, 6), (2025, 9)):
            from datetime import date

            if unit.valid_on(date(year, month, 1)):
                out.append(render_report(province, code, year, month, seed=5, series=series))
    return out


def body_text(text: str) -> str:
    """The body without footnote blocks, lines joined with single spaces."""
    out: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if line.strip() == "" and len(line) >= 40:
            skipping = True
            continue
        if skipping and line.startswith(" ") and line.strip():
            skipping = False
        if not skipping and line.strip() and not re.fullmatch(r" \d+", line):  # page numbers
            out.append(line.strip())
    return " ".join(out)


def dec(value: float) -> Decimal:
    return Decimal(repr(value))


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def recompute(check: TruthCheck, facts: dict[str, TruthFact]) -> bool:
    """Verify a relation from the truth alone (independent of the generator's evaluator)."""
    result = facts[check.result]
    ops = [facts[i] for i in check.operands]
    if check.kind in ("sum", "carry_over"):
        return abs(dec(result.value) - sum(dec(o.value) for o in ops)) < Decimal("1e-6")
    if check.kind == "cumulative":
        return abs(dec(result.value) - dec(check.base or 0.0) - dec(ops[0].value)) < Decimal("1e-6")
    den = dec(ops[1].value) if len(ops) > 1 else dec(check.base or 0.0)
    num = dec(ops[0].value)
    printed = dec(result.value)
    if check.kind == "ratio":
        return round_half_up(num / den * 100, result.decimals) == printed
    change = (num / den - 1) * 100
    ok = round_half_up(abs(change), result.decimals) == printed
    direction = "down" if change < 0 else "up"
    return ok and (printed == 0 or check.direction == direction)


def test_deterministic(province: SynthProvince) -> None:
    code = next(u.code for u in province.units if u.level == "commune")
    a = render_report(province, code, 2024, 5, seed=3, mistakes=("sum", "misspelling"))
    b = render_report(make_province(10, seed=11), code, 2024, 5, seed=3, mistakes=("sum", "misspelling"))
    assert a.text == b.text
    assert a.to_dict() == b.to_dict()
    c = render_report(province, code, 2024, 5, seed=4)
    assert c.text != a.text


def test_clean_reports_are_consistent(province: SynthProvince, series: Series) -> None:
    for report in sample_reports(province, series):
        facts = {f.id: f for f in report.facts}
        assert report.checks, report.meta
        kinds = {c.kind for c in report.checks}
        assert {"sum", "ratio", "change"} <= kinds
        for check in report.checks:
            assert check.holds, (report.meta.unit_code, report.meta.month, check)
            assert recompute(check, facts), (report.meta.unit_code, check)
        assert not report.mistakes


def test_offsets_and_digits_accounted_for(province: SynthProvince, series: Series) -> None:
    for report in sample_reports(province, series):
        text = report.text
        covered = [False] * len(text)
        for f in report.facts:
            assert text[f.start:f.end] == f.raw, f
            assert re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?|\d+(,\d+)?", f.raw), f.raw
            covered[f.start:f.end] = [True] * (f.end - f.start)
        for nf in report.non_facts:
            assert text[nf.start:nf.end] == nf.raw, nf
            covered[nf.start:nf.end] = [True] * (nf.end - nf.start)
        for fn in report.footnotes:
            raw = str(fn.number)
            assert text[fn.marker_start:fn.marker_start + len(raw)] == raw
            covered[fn.marker_start:fn.marker_start + len(raw)] = [True] * len(raw)
        for m in re.finditer(r"m[23](?!\w)", text):  # units m2, m3
            covered[m.start() + 1] = True
        for m in re.finditer(r"(?m)^(\d+) ", text):  # footnote labels at the start of footnote lines
            covered[m.start():m.end(1)] = [True] * len(m.group(1))
        stray = [(i, text[max(0, i - 30):i + 10]) for i, ch in enumerate(text) if ch.isdigit() and not covered[i]]
        assert not stray, stray[:5]


def test_layout(province: SynthProvince, series: Series) -> None:
    for report in sample_reports(province, series):
        lines = report.text.split("\n")
        assert lines[0].startswith(" ")
        # body lines are followed by an empty line
        for i, line in enumerate(lines[:-1]):
            if line.startswith(" ") and line.strip() and not line.startswith(" \t"):
                assert lines[i + 1] == "", line
        separators = [i for i, line in enumerate(lines) if line.strip() == "" and len(line) >= 40]
        assert len(separators) >= 1
        for i in separators:
            nxt = lines[i + 1]
            assert nxt and not nxt.startswith(" ")
            if len(lines[i]) == 43:
                assert re.match(r"\d+ ", nxt), nxt
        numbers = [fn.number for fn in report.footnotes]
        assert numbers == list(range(1, len(numbers) + 1))
        starts = [fn.marker_start for fn in report.footnotes]
        assert starts == sorted(starts)
        labels = [int(m.group(1)) for i in separators for m in [re.match(r"(\d+) ", lines[i + 1])] if m]
        assert labels == sorted(labels)
        for fn in report.footnotes:
            assert fn.anchor and len(fn.anchor) <= 40
            assert not fn.anchor[-1].isspace() or fn.anchor.strip()
        body = [line for line in lines if line and line.strip() and not re.match(r"\d+ ", line)]
        assert max(len(line) for line in body) < 140
        assert report.pages >= 2


def test_sections_and_tasks(province: SynthProvince, series: Series) -> None:
    for report in sample_reports(province, series):
        numbers = [s.number for s in report.sections if s.level == 1]
        assert numbers[:2] == ["I", "II"]
        for s in report.sections:
            assert report.text[s.start:].startswith((s.number + ". " if s.number else "") + s.title[:10])
        body = body_text(report.text)
        assert report.tasks
        for task in report.tasks:
            assert f"{task.number}. {task.text}" in body
        for outcome in report.task_outcomes:
            if outcome.status != "not_mentioned":
                assert outcome.evidence
                assert outcome.evidence in body_text(report.text), outcome


def test_outcomes_follow_previous_tasks(province: SynthProvince) -> None:
    code = next(u.code for u in province.units if u.level == "commune" and u.valid_from is not None)
    prev = render_report(province, code, 2025, 8, seed=5)
    cur = render_report(province, code, 2025, 9, seed=5)
    assert [(o.number, o.text) for o in cur.task_outcomes] == [(t.number, t.text) for t in prev.tasks]
