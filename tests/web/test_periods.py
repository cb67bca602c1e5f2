"""Periods: the data window of Decree 09/2019 for every kind, due dates per level."""

from __future__ import annotations

from datetime import date

import pytest

from baocao.errors import InputError
from baocao.web.periods.models import DueRule
from baocao.web.periods.services import due_date, ensure_period, month_codes
from tests.web.conftest import unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("code", "start", "end", "label"), [
    ("2025-11", date(2025, 10, 15), date(2025, 11, 14), "Tháng 11/2025"),
    ("2025-01", date(2024, 12, 15), date(2025, 1, 14), "Tháng 1/2025"),
    ("2025-Q3", date(2025, 6, 15), date(2025, 9, 14), "Quý 3/2025"),
    ("2025-H1", date(2024, 12, 15), date(2025, 6, 14), "6 tháng đầu năm 2025"),
    ("2025-H2", date(2025, 6, 15), date(2025, 12, 14), "6 tháng cuối năm 2025"),
    ("2025-9M", date(2024, 12, 15), date(2025, 9, 14), "9 tháng năm 2025"),
    ("2025", date(2024, 12, 15), date(2025, 12, 14), "Năm 2025"),
    ("2025-08-YTD", date(2024, 12, 15), date(2025, 8, 14), "8 tháng năm 2025"),
])
def test_data_window_follows_decree_09(code: str, start: date, end: date, label: str) -> None:
    p = ensure_period(code)
    assert (p.window_start, p.window_end, p.label) == (start, end, label)
    assert ensure_period(code).pk == p.pk  # created once


def test_a_malformed_period_is_one_vietnamese_line() -> None:
    with pytest.raises(InputError) as err:
        ensure_period("11/2025")
    assert "không đúng dạng" in err.value.message


def test_month_codes_span_years() -> None:
    assert month_codes("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert month_codes("2025-Q1", "2025-Q1") == ["2025-01", "2025-02", "2025-03"]


def test_due_dates_default_by_level_and_follow_the_province_rule(world: dict) -> None:
    p = ensure_period("2025-11")
    province = unit("20")
    assert due_date("commune", p, province.pk) == date(2025, 11, 18)
    assert due_date("province", p, province.pk) == date(2025, 11, 25)
    DueRule.objects.create(scope=province, level="commune", period_kind="month", day=16,
                           note="Quyết định 52/2025/QĐ-UBND")
    DueRule.objects.create(scope=None, level="commune", period_kind="", day=20)
    assert due_date("commune", p, province.pk) == date(2025, 11, 16)  # the province's own rule first
    assert due_date("commune", p, unit("04").pk) == date(2025, 11, 20)  # other provinces: the national default
    q = ensure_period("2025-Q4")
    DueRule.objects.create(scope=province, level="district", period_kind="quarter", day=31, month_offset=1)
    assert due_date("district", q, province.pk) == date(2026, 1, 31)
