"""Golden files: tests/golden/<case>.txt parsed must equal <case>.parse.json.

Regenerate with BAOCAO_UPDATE_GOLDEN=1 and review the diff by eye.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from baocao.config import Config
from baocao.pipeline import analyze
from tests.conftest import GOLDEN

CASES = sorted(GOLDEN.glob("*.txt"))


def snapshot(path: Path) -> dict[str, object]:
    doc = analyze(path, Config()).document
    data = doc.to_dict()
    data.pop("source", None)
    return json.loads(json.dumps(data, ensure_ascii=False))  # tuples → lists, as in the file


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_parse_matches_golden(case: Path) -> None:
    expected_path = case.with_suffix(".parse.json")
    got = snapshot(case)
    if os.environ.get("BAOCAO_UPDATE_GOLDEN") or not expected_path.exists():
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
