"""Every kind of mistake injected into reports never seen is caught; clean reports stay quiet.

The same machinery as bench/bench_check.py, on a few fixed cases so a regression fails CI.
"""

from __future__ import annotations

import datetime as dt
import sys
from functools import lru_cache

import pytest

from baocao.synth import MISTAKE_KINDS, make_province, render_report
from baocao.synth.series import Series
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from bench_check import caught, run

PROVINCE = make_province(10, 7)
SERIES = Series(PROVINCE)
UNITS = [u for u in PROVINCE.units if u.level in ("commune", "province")
         and (u.valid_from is None or u.valid_from <= dt.date(2024, 1, 1)) and u.valid_to is None]


@lru_cache(maxsize=64)
def earlier(code: str, month: int, seed: int) -> tuple:  # type: ignore[type-arg]
    return (run(render_report(PROVINCE, code, 2025, month - 1, seed, series=SERIES).text, []),
            run(render_report(PROVINCE, code, 2024, month, seed, series=SERIES).text, []))


def first_verifiable(kind: str) -> tuple[str, int, int]:
    """The first (unit, month, seed) where the mistake lands and its basis is printed somewhere given."""
    for seed in range(500, 560):
        unit = UNITS[seed % len(UNITS)]
        month = 8 + seed % 4
        rep = render_report(PROVINCE, unit.code, 2025, month, seed, mistakes=(kind,), series=SERIES)
        if not rep.mistakes:
            continue
        if kind in ("ratio", "percent_change") and any(
            c.base is not None and c.result in rep.mistakes[0].fact_ids for c in rep.checks
        ):
            continue
        return unit.code, month, seed
    pytest.skip(f"no verifiable {kind} mistake in the sample")


@pytest.mark.parametrize("kind", MISTAKE_KINDS)
def test_injected_mistake_is_caught(kind: str) -> None:
    code, month, seed = first_verifiable(kind)
    rep = render_report(PROVINCE, code, 2025, month, seed, mistakes=(kind,), series=SERIES)
    result = run(rep.text, list(earlier(code, month, seed)))
    assert caught(result.findings, kind, rep.mistakes[0].involved), (rep.mistakes[0], [f.message for f in result.findings])


@pytest.mark.parametrize("index", range(6))
def test_clean_report_has_no_error_or_warning(index: int) -> None:
    unit = UNITS[index % len(UNITS)]
    month = 8 + index % 4
    rep = render_report(PROVINCE, unit.code, 2025, month, 900 + index, series=SERIES)
    result = run(rep.text, list(earlier(unit.code, month, 900 + index)))
    loud = [f.message for f in result.findings if f.severity in ("error", "warning")]
    assert loud == []
