"""The annex of a draft: one sheet per indicator, units down and periods across, with real formulas
for totals and comparisons; a merged ward's last-year cell is the sum of its predecessors."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from baocao.web.drafting import services
from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import Indicator
from tests.web.test_drafting_store import draft, stock, values

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(world: dict) -> Any:
    stock()
    return load_workbook(io.BytesIO(services.xlsx_bytes(draft("20"))))  # formulas, not cached values


def sheet_of(wb: Any, name: str) -> Any:
    return next(ws for ws in wb.worksheets if ws.cell(row=1, column=1).value.startswith(name + " (đơn vị tính"))


def test_a_sheet_per_indicator_after_the_summary(workbook: Any) -> None:
    assert workbook.sheetnames[0] == "Tổng hợp"
    assert len(workbook.sheetnames) > 20


def test_rows_are_the_communes_and_the_total_is_a_sum_formula(workbook: Any) -> None:
    ind = Indicator.objects.get(code="tthc.received")
    ws = sheet_of(workbook, ind.name)
    assert [ws.cell(row=3, column=c).value for c in range(1, 6)] == [
        "STT", "Đơn vị", "Tháng 10/2025", "Tháng 9/2025", "Tháng 10/2024"]
    assert [ws.cell(row=r, column=2).value for r in (4, 5)] == ["phường Tam Thanh", "phường Đông Kinh"]
    assert ws.cell(row=4, column=3).value == pytest.approx(values("06041", "2025-10")["tthc.received"])
    assert ws.cell(row=5, column=3).value == pytest.approx(values("06042", "2025-10")["tthc.received"])
    assert ws.cell(row=6, column=2).value == "Tổng cộng"
    assert ws.cell(row=6, column=3).value == "=SUM(C4:C5)"
    assert ws.cell(row=4, column=6).value == '=IF(AND(ISNUMBER(C4),ISNUMBER(D4),D4<>0),C4/D4*100,"")'
    assert ws.cell(row=6, column=7).value == '=IF(AND(ISNUMBER(C6),ISNUMBER(E6),E6<>0),C6/E6*100,"")'


def test_a_merged_wards_last_year_is_the_sum_of_its_predecessors(workbook: Any) -> None:
    ind = Indicator.objects.get(code="tthc.received")
    ws = sheet_of(workbook, ind.name)
    before = values("06040", "2024-10")["tthc.received"] + values("06058", "2024-10")["tthc.received"]
    assert ws.cell(row=4, column=5).value == pytest.approx(before)


def test_money_is_in_the_display_unit_and_rates_get_no_total(workbook: Any) -> None:
    revenue = Indicator.objects.get(code="budget.revenue.total")
    ws = sheet_of(workbook, revenue.name)
    assert ws.cell(row=4, column=3).value == pytest.approx(
        to_display(values("06041", "2025-10")["budget.revenue.total"], revenue.display_unit))
    rate = Indicator.objects.get(code="tthc.online_rate")
    ws = sheet_of(workbook, rate.name)
    assert ws.cell(row=6, column=3).value is None  # a ratio: no sum, no average of percents


def test_the_summary_sheet_pulls_each_total_by_reference(workbook: Any) -> None:
    summary = workbook["Tổng hợp"]
    ind = Indicator.objects.get(code="tthc.received")
    ws = sheet_of(workbook, ind.name)
    row = next(r for r in range(4, summary.max_row + 1) if summary.cell(row=r, column=2).value == ind.name)
    assert summary.cell(row=row, column=4).value == f"='{ws.title}'!C6"
