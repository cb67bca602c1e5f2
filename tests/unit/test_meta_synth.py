"""Meta inferred on many reports never seen: unit, level and period of synthetic reports
(with and without a header block) match their truth."""

from __future__ import annotations

import pytest

from baocao.config import Config
from baocao.pipeline import analyze_bytes
from baocao.synth import make_province, render_report
from baocao.synth.series import Series

PROVINCE = make_province(8, 33)
SERIES = Series(PROVINCE)
UNITS = [u for u in PROVINCE.units if u.valid_to is None]
CASES = [(UNITS[i % len(UNITS)].code, 8 + i % 5, 200 + i) for i in range(24)]


@pytest.mark.parametrize(("code", "month", "seed"), CASES)
def test_meta_matches_the_truth(code: str, month: int, seed: int) -> None:
    rep = render_report(PROVINCE, code, 2025, month, seed, series=SERIES)
    meta = analyze_bytes(rep.text.encode("utf-8"), "r.txt", Config(), upto="parse").document.meta
    truth = rep.meta
    assert (meta.unit_kind, meta.level) == (truth.unit_kind, truth.level)
    assert meta.unit_name == truth.unit_name.removeprefix(f"{truth.unit_kind} ")
    assert meta.period is not None and (meta.period.year, meta.period.month) == (truth.year, truth.month)
    if truth.has_header:
        assert meta.number == truth.doc_number
        assert meta.issued_on == truth.issued_on
    assert meta.signer == truth.signer
