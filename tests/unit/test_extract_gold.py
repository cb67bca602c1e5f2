"""The hand-made gold set as a regression test: quality may not fall below the issue's targets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, seed_path

pytestmark = pytest.mark.seeds
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract import evaluate  # noqa: E402


@pytest.mark.parametrize("prefix", ["000", "004", "001"])
def test_values_and_units_match_the_gold_set(prefix: str) -> None:
    path = seed_path(prefix)
    gold = json.loads((ROOT / "bench" / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    res = evaluate(path.stem, path.read_bytes(), gold)
    assert res["precision"] >= 0.98, res["_extra"]
    assert res["recall"] >= 0.97, res["_missed"]
    assert res["nonfacts_reported"] == 0, res["_nonfact_hits"]


def test_indicator_mapping_on_the_tuned_seeds() -> None:
    right = total = 0
    for prefix in ("000", "004"):
        path = seed_path(prefix)
        gold = json.loads((ROOT / "bench" / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        res = evaluate(path.stem, path.read_bytes(), gold)
        total += res["indicator_facts"]
        right += round((res["indicator_accuracy"] or 0) * res["indicator_facts"])
    assert right / total >= 0.9


def test_gold_files_are_well_formed() -> None:
    for f in sorted((ROOT / "bench" / "gold").glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        assert {"seed", "facts", "not_facts"} <= set(data)
        for fact in data["facts"]:
            assert {"raw", "value", "unit", "dimension", "context"} <= set(fact)
        assert Path(f).stem == data["seed"]

