"""Annex tables: indicator × unit × period with real formulas for totals and comparisons,
Vietnamese headers and number formats."""

from __future__ import annotations

import io
import re
from typing import Any

import openpyxl
import pytest

from baocao.draft.demo import WARDS, demo_annex
from baocao.draft.xlsx_writer import AnnexRow, AnnexTable, render_xlsx


@pytest.fixture(scope="module")
def book() -> Any:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(demo_annex(), "Biểu số liệu tháng 8 năm 2025")))


def test_summary_sheet_first_then_one_sheet_per_indicator(book: Any) -> None:
    assert book.sheetnames[0] == "Tổng hợp"
    assert len(book.sheetnames) == 1 + len(demo_annex())
    assert all(len(name) <= 31 and name == name.strip() for name in book.sheetnames)
    summary = book["Tổng hợp"]
    assert summary["A1"].value == "Biểu số liệu tháng 8 năm 2025"
    assert [c.value for c in summary[3]] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Tháng 8/2025", "Tháng 7/2025",
                                             "Tháng 8/2024"]


def test_units_down_periods_across_with_a_sum_row(book: Any) -> None:
    ws = book.worksheets[1]
    assert [c.value for c in ws[3]] == ["STT", "Đơn vị", "Tháng 8/2025", "Tháng 7/2025", "Tháng 8/2024",
                                        "So với tháng trước (%)", "So với cùng kỳ (%)"]
    assert [ws.cell(row=r, column=2).value for r in range(4, 8)] == list(WARDS)
    assert ws["C4"].value == 1809.6 and ws["D7"].value is None  # not reported: left empty, not zero
    assert ws["B8"].value == "Tổng cộng"
    assert [ws.cell(row=8, column=c).value for c in (3, 4, 5)] == ["=SUM(C4:C7)", "=SUM(D4:D7)", "=SUM(E4:E7)"]
    assert ws["F4"].value == '=IF(AND(ISNUMBER(C4),ISNUMBER(D4),D4<>0),C4/D4*100,"")'
    assert ws["G8"].value == '=IF(AND(ISNUMBER(C8),ISNUMBER(E8),E8<>0),C8/E8*100,"")'
    assert ws["C4"].number_format == "#,##0.0" and ws["F4"].number_format == "0.0"
    assert ws.freeze_panes == "C4"


def test_rates_are_averaged_not_summed(book: Any) -> None:
    ws = book.worksheets[3]
    assert ws["B8"].value == "Toàn đơn vị"
    assert ws["C8"].value == "=AVERAGE(C4:C7)"


def test_summary_pulls_each_total_by_reference(book: Any) -> None:
    summary = book["Tổng hợp"]
    for i, ws in enumerate(book.worksheets[1:]):
        formula = summary.cell(row=4 + i, column=4).value
        assert formula == f"='{ws.title}'!C8"
        assert summary.cell(row=4 + i, column=2).value == demo_annex()[i].indicator


def test_indicators_that_do_not_add_up_get_no_total() -> None:
    table = AnnexTable("Tỷ lệ hộ nghèo", "%", ("Năm 2025",), (AnnexRow("xã A", (3.1,)), AnnexRow("xã B", (2.4,))),
                       aggregate="ratio", decimals=2)
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx([table]))).worksheets[1]
    assert ws["C6"].value is None and ws["C4"].number_format == "#,##0.00"


def test_sheet_names_are_legal_and_distinct() -> None:
    long = "Giá trị sản xuất: nông/lâm nghiệp [giá so sánh] theo từng đơn vị hành chính"
    tables = [AnnexTable(long, "tỷ đồng", ("Năm 2025",), ()), AnnexTable(long, "tỷ đồng", ("Năm 2025",), ())]
    names = openpyxl.load_workbook(io.BytesIO(render_xlsx(tables))).sheetnames[1:]
    assert len(set(names)) == 2
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
