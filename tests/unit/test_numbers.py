"""The Vietnamese number grammar and its formatter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.extract.numbers import format_number, parse_number


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1.809,6", 1809.6, 1),
        ("36.618.000", 36618000, 0),
        ("02", 2, 0),
        ("1,47", 1.47, 2),
        ("84.673,0", 84673.0, 1),
        ("139.35", 139.35, 2),  # English decimals slipped in before a percent sign
        ("0,1848", 0.1848, 4),
        ("2065", 2065, 0),
        ("3.130,00", 3130.0, 2),
    ],
)
def test_parses_vietnamese_numbers(text: str, value: float, decimals: int) -> None:
    n = parse_number(text)
    assert n.value == pytest.approx(value) and n.decimals == decimals


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3,4,5", "12a"])
def test_rejects_what_is_not_a_number(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)


def test_formats_like_the_reports() -> None:
    assert format_number(1809.6, 1) == "1.809,6"
    assert format_number(36618000) == "36.618.000"
    assert format_number(2, leading_zero=True) == "02"
    assert format_number(43.79, 2) == "43,79"


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=4))
def test_round_trips_every_number_it_can_format(units: int, decimals: int) -> None:
    value = units / 10**decimals
    text = format_number(value, decimals)
    parsed = parse_number(text)
    assert parsed.decimals == decimals
    assert parsed.value == pytest.approx(value, rel=1e-12, abs=10**-decimals / 2)
