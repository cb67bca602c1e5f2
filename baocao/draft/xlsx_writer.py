"""Annex tables (biểu số liệu kèm theo báo cáo): indicator × unit × period, with real formulas.

One sheet per indicator: units down, periods across, comparison columns as formulas
(=C4/D4*100), and a total row following the indicator's aggregation rule (=SUM(C4:C15),
=AVERAGE(…), =MAX(…); none for rates that do not add up). A first sheet "Tổng hợp" pulls each
total by reference, so a corrected cell updates everything. Number formats are Excel's own
("#,##0.0"), which show "25.140,5" on a Vietnamese-locale machine.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT = "Times New Roman"
FORMULAS = {"sum": "SUM", "average": "AVERAGE", "max": "MAX"}
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FIRST_ROW = 4  # data rows start here: title, blank, header


@dataclass(frozen=True)
class AnnexRow:
    unit: str  # "phường Tam Thanh"
    values: tuple[float | None, ...]  # one per period column; None: not reported


@dataclass(frozen=True)
class AnnexTable:
    indicator: str  # "Tổng thu ngân sách nhà nước trên địa bàn"
    display_unit: str  # "triệu đồng"
    periods: tuple[str, ...]  # column labels, current first: ("Tháng 8/2025", "Tháng 7/2025", "Tháng 8/2024")
    rows: tuple[AnnexRow, ...]
    aggregate: str = "sum"  # aggregate_units of the catalogue: sum | average | max | last | ratio | none
    decimals: int = 0
    compare: tuple[tuple[int, int, str], ...] = ()  # (column, basis column, header): value/basis in %
    code: str = ""


def number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _sheet_title(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", name).strip()[:28].strip() or "Biểu"
    title, n = base, 2
    while title.lower() in taken:
        title = f"{base[:25]} ({n})"
        n += 1
    taken.add(title.lower())
    return title


def _cell(ws: Worksheet, row: int, col: int, value: object, bold: bool = False, fmt: str | None = None,
          wrap: bool = False, center: bool = False) -> None:
    cell = ws.cell(row=row, column=col, value=value)
    cell.font = Font(name=FONT, size=12, bold=bold)
    cell.border = _BOX
    cell.alignment = Alignment(wrap_text=wrap, vertical="center", horizontal="center" if center else None)
    if fmt:
        cell.number_format = fmt


def _write_table(ws: Worksheet, table: AnnexTable) -> tuple[int, int]:
    """Write one indicator sheet; returns (total row, first period column)."""
    n_cols = 2 + len(table.periods) + len(table.compare)
    ws.cell(row=1, column=1, value=f"{table.indicator} (đơn vị tính: {table.display_unit})").font = Font(
        name=FONT, size=13, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n_cols)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
    headers = ["STT", "Đơn vị", *table.periods, *(c[2] for c in table.compare)]
    for col, text in enumerate(headers, 1):
        _cell(ws, 3, col, text, bold=True, wrap=True, center=True)
    fmt = number_format(table.decimals)
    last = FIRST_ROW + len(table.rows) - 1
    for i, row in enumerate(table.rows):
        r = FIRST_ROW + i
        _cell(ws, r, 1, i + 1, center=True)
        _cell(ws, r, 2, row.unit)
        for j in range(len(table.periods)):
            _cell(ws, r, 3 + j, row.values[j] if j < len(row.values) else None, fmt=fmt)
        for k, (col, basis, _) in enumerate(table.compare):
            a, b = f"{get_column_letter(3 + col)}{r}", f"{get_column_letter(3 + basis)}{r}"
            _cell(ws, r, 3 + len(table.periods) + k,
                  f'=IF(AND(ISNUMBER({a}),ISNUMBER({b}),{b}<>0),{a}/{b}*100,"")', fmt="0.0")
    total = last + 1
    _cell(ws, total, 1, "")
    _cell(ws, total, 2, "Tổng cộng" if table.aggregate == "sum" else "Toàn đơn vị", bold=True)
    function = FORMULAS.get(table.aggregate)
    for j in range(len(table.periods)):
        letter = get_column_letter(3 + j)
        value = f"={function}({letter}{FIRST_ROW}:{letter}{last})" if function and table.rows else None
        _cell(ws, total, 3 + j, value, bold=True, fmt=fmt)
    for k, (col, basis, _) in enumerate(table.compare):
        a, b = f"{get_column_letter(3 + col)}{total}", f"{get_column_letter(3 + basis)}{total}"
        _cell(ws, total, 3 + len(table.periods) + k,
              f'=IF(AND(ISNUMBER({a}),ISNUMBER({b}),{b}<>0),{a}/{b}*100,"")' if function else None,
              bold=True, fmt="0.0")
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 28
    for col in range(3, n_cols + 1):
        ws.column_dimensions[get_column_letter(col)].width = 16
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=3)
    return total, 3


def workbook(tables: list[AnnexTable], title: str) -> Workbook:
    """The annex workbook: a summary sheet, then one sheet per indicator."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Tổng hợp"
    periods = tables[0].periods if tables else ()
    summary.cell(row=1, column=1, value=title).font = Font(name=FONT, size=13, bold=True)
    for col, text in enumerate(["STT", "Chỉ tiêu", "Đơn vị tính", *periods], 1):
        _cell(summary, 3, col, text, bold=True, wrap=True, center=True)
    taken = {"tổng hợp"}
    for i, table in enumerate(tables):
        ws = wb.create_sheet(_sheet_title(table.indicator, taken))
        total, first_col = _write_table(ws, table)
        r = FIRST_ROW + i
        _cell(summary, r, 1, i + 1, center=True)
        _cell(summary, r, 2, table.indicator, wrap=True)
        _cell(summary, r, 3, table.display_unit, center=True)
        for j in range(len(table.periods)):
            ref = f"'{ws.title}'!{get_column_letter(first_col + j)}{total}"
            _cell(summary, r, 4 + j, f"={ref}" if FORMULAS.get(table.aggregate) else None,
                  fmt=number_format(table.decimals))
    summary.column_dimensions["A"].width = 6
    summary.column_dimensions["B"].width = 48
    summary.column_dimensions["C"].width = 14
    for j in range(len(periods)):
        summary.column_dimensions[get_column_letter(4 + j)].width = 16
    return wb


def render_xlsx(tables: list[AnnexTable], title: str = "Biểu số liệu kèm theo báo cáo") -> bytes:
    out = io.BytesIO()
    workbook(tables, title).save(out)
    return out.getvalue()


def write_xlsx(tables: list[AnnexTable], path: Path, title: str = "Biểu số liệu kèm theo báo cáo") -> Path:
    path.write_bytes(render_xlsx(tables, title))
    return path
