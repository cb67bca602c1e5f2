"""The real mistakes of the seeds are caught, with the exact numbers; correct relations stay quiet."""

from __future__ import annotations

from functools import lru_cache

import pytest

from baocao.check.model import Finding
from baocao.config import Config
from baocao.pipeline import analyze
from tests.conftest import seed_path

pytestmark = pytest.mark.seeds


@lru_cache(maxsize=4)
def findings(prefix: str) -> tuple[Finding, ...]:
    return analyze(seed_path(prefix), Config()).findings


def has(prefix: str, code: str, *words: str) -> bool:
    return any(f.code == code and all(w in f.message for w in words) for f in findings(prefix))


# (seed, code, words that must all be in the message) — found by us and by a careful reader
KNOWN_ERRORS = [
    ("004", "sum_mismatch", "34.096", "14.175", "93.943", "142.214", "128.053"),
    ("004", "sum_mismatch", "41.860", "41.835"),
    ("004", "percent_mismatch", "81,5%", "822.090/1.031.687", "79,7%"),
    ("004", "percent_mismatch", "38,5%", "99.277", "159.368", "62,3%"),
    ("004", "percent_mismatch", "90,73%", "915.135", "88,70%"),
    ("004", "percent_mismatch", "68,53%", "111.262", "69,81%"),
    ("004", "percent_mismatch", "139.35%", "95.435", "139,88%"),
    ("004", "percent_mismatch", "0,16%", "108", "70.696"),
    ("004", "carry_over_mismatch", "2.900", "95.754", "98.654", "98.822"),
    ("004", "carry_over_mismatch", "2.753", "70.696", "73.449", "73.617"),
    ("004", "as_of_outside_period", "31/8/2023"),
    ("004", "school_year_mismatch", "2024 - 2025", "2025 - 2026"),
    ("004", "document_date_conflict", "81-TB/TW", "16/7/2025", "18/7/2025"),
    ("004", "doubled_word", "hàng hóa hàng hóa"),
    ("004", "doubled_word", "xảy ra tại xảy ra tại"),
    ("004", "doubled_word", "tỉnh tỉnh"),
    ("004", "misspelling", "kế hoach"),
    ("004", "misspelling", "tổt"),
    ("000", "heading_duplicate", "II"),
    ("000", "doubled_word", "được được"),
    ("000", "misspelling", "chi tiét"),
    ("000", "percent_truncated", "12,30%", "32 việc/260", "12,31%"),
    ("001", "heading_duplicate", "«2»"),
    ("001", "heading_duplicate", "II"),
    ("001", "sum_mismatch", "29 đồng chí", "47 đồng chí", "74 đồng chí"),
    ("001", "percent_mismatch", "60%", "66,7%"),
    ("001", "doubled_word", "với với"),
    ("001", "misspelling", "Triển khia"),
]


@pytest.mark.parametrize("case", KNOWN_ERRORS, ids=[" ".join(c[:3]) for c in KNOWN_ERRORS])
def test_known_mistake_is_found(case: tuple[str, ...]) -> None:
    prefix, code, *words = case
    assert has(prefix, code, *words), [f.message for f in findings(prefix) if f.code == code]


# Relations of the seeds that hold: none of these numbers may appear in an error.
VERIFIED_CORRECT = [
    ("000", ["261/596", "43,79%"]), ("000", ["53.218", "13,84%"]), ("000", ["28 hồ sơ"]), ("000", ["39 đơn"]),
    ("004", ["180.696"]), ("004", ["3.729,2"]), ("004", ["1.895,1"]), ("004", ["14.216,2"]),
    ("004", ["3.005 tỷ"]), ("004", ["2.955 tỷ"]), ("004", ["3,53 triệu"]), ("004", ["57 vụ", "18,7%"]),
    ("004", ["06 người", "9,8%"]), ("004", ["39 người", "14,1%"]), ("004", ["6.508"]), ("004", ["56 tập thể"]),
    ("004", ["10.461", "14,74%"]), ("004", ["62.306", "88,13%"]), ("004", ["454,81", "99,26%"]),
    ("004", ["32,60%"]), ("004", ["09 đơn", "60%"]), ("004", ["84.934/68.228", "124,5%"]),
    ("004", ["161.065"]), ("004", ["14.562"]), ("001", ["2.081"]), ("001", ["4.269,7"]),
]


@pytest.mark.parametrize("case", VERIFIED_CORRECT, ids=[f"{c[0]} {' '.join(c[1])}" for c in VERIFIED_CORRECT])
def test_relations_that_hold_raise_no_error(case: tuple[str, list[str]]) -> None:
    prefix, words = case
    wrong = [f.message for f in findings(prefix) if f.severity == "error" and all(w in f.message for w in words)]
    assert not wrong


def test_every_finding_points_at_words_and_speaks_vietnamese() -> None:
    for prefix in ("000", "001", "004"):
        for f in findings(prefix):
            assert f.evidence and f.evidence[0].sentence is not None
            assert f.severity in ("error", "warning", "info")
            assert any(ch in f.message for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
