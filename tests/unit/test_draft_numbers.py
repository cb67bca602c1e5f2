"""Vietnamese number format: "." groups thousands, "," is the decimal mark, counts below ten
take a leading zero; the place-and-date line pads days below ten and months 1 and 2."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.draft.numbers import date_line, format_number, format_percent, format_quantity

SHAPE = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$")


def parse_vn(text: str) -> Decimal:
    """A small reader of the format, for the round trip (the lead's extractor does the real one)."""
    assert SHAPE.match(text), text
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.mark.parametrize(
    ("value", "decimals", "count", "expected"),
    [
        (25140.5, None, False, "25.140,5"),
        (1809.6, 1, False, "1.809,6"),
        (84673, 1, False, "84.673,0"),
        (1234567, None, False, "1.234.567"),
        (2, None, True, "02"),
        (9, 0, True, "09"),
        (10, None, True, "10"),
        (0, None, True, "0"),
        (5.9, None, False, "5,9"),
        (16.66, None, False, "16,66"),
        (16.666, None, False, "16,67"),
        (-3.25, 1, False, "-3,3"),
        (-0.04, 1, False, "0,0"),
        (999.995, 2, False, "1.000,00"),
    ],
)
def test_examples(value: float, decimals: int | None, count: bool, expected: str) -> None:
    assert format_number(value, decimals, count=count) == expected


def test_percent_and_quantity_forms() -> None:
    assert format_percent(16.66) == "16,66%"
    assert format_percent(100.0) == "100%"
    assert format_quantity(25140.5, "tỷ đồng") == "25.140,5 tỷ đồng"
    assert format_quantity(2, "dự án", count=True) == "02 dự án"
    assert format_quantity(58.2, "%") == "58,2%"


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=4))
def test_round_trip_of_exact_values(units: int, decimals: int) -> None:
    value = Decimal(units).scaleb(-decimals)
    text = format_number(value, decimals)
    assert parse_vn(text) == value
    assert text.count(",") == (1 if decimals else 0)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
       st.one_of(st.none(), st.integers(min_value=0, max_value=3)))
def test_round_trip_of_floats_is_the_value_rounded_half_up(value: float, decimals: int | None) -> None:
    text = format_number(value, decimals)
    shown = parse_vn(text)
    places = decimals if decimals is not None else 2
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert shown == exact


@given(st.integers(min_value=0, max_value=10**6))
def test_counts_keep_their_value_and_pad_only_below_ten(n: int) -> None:
    text = format_number(n, count=True)
    assert parse_vn(text) == n
    assert (len(text) == 2 and text.startswith("0")) == (1 <= n <= 9)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2026, 2, 5), "Tam Thanh, ngày 05 tháng 02 năm 2026"),
        (dt.date(2026, 1, 19), "Tam Thanh, ngày 19 tháng 01 năm 2026"),
        (dt.date(2025, 8, 18), "Tam Thanh, ngày 18 tháng 8 năm 2025"),
        (dt.date(2025, 11, 3), "Tam Thanh, ngày 03 tháng 11 năm 2025"),
    ],
)
def test_date_line_pads_days_below_ten_and_months_one_and_two(date: dt.date, expected: str) -> None:
    assert date_line("Tam Thanh", date, date.year) == expected


def test_date_line_left_blank_for_the_office() -> None:
    line = date_line("Tam Thanh", None, 2026)
    assert line.startswith("Tam Thanh, ngày ") and line.endswith("năm 2026")
    assert not any(ch.isdigit() for ch in line[: -len("2026")])
