"""Value tables as CSV (machine column names) or XLSX (Vietnamese headers, for people)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse

from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import Indicator

COLUMNS = (
    ("unit_code", "Mã đơn vị"),
    ("unit_name", "Đơn vị"),
    ("period", "Kỳ"),
    ("indicator", "Mã chỉ tiêu"),
    ("indicator_name", "Chỉ tiêu"),
    ("scope", "Phạm vi"),
    ("value", "Giá trị (đơn vị gốc)"),
    ("base_unit", "Đơn vị gốc"),
    ("display_value", "Giá trị"),
    ("display_unit", "Đơn vị tính"),
    ("source", "Nguồn"),
    ("complete", "Đủ số liệu"),
    ("estimate", "Số ước"),
    ("corrected", "Đã hiệu chỉnh"),
)
SOURCES_VI = {"reported": "báo cáo", "lineage": "theo kế thừa", "rollup": "tổng hợp", "months": "cộng các tháng",
              "cumulative": "lũy kế", "missing": "thiếu", "not_aggregable": "không cộng được"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    title: str
    rows: list[dict[str, Any]]


def row(ind: Indicator, scope: str, point: Any, unit_code: str | None = None, unit_name: str = "") -> dict[str, Any]:
    """One table row from a `queries.Point` (or anything with the same attributes)."""
    return {
        "unit_code": unit_code or point.unit, "unit_name": unit_name or getattr(point, "unit_name", ""),
        "period": point.period, "indicator": ind.code, "indicator_name": ind.name, "scope": scope,
        "value": point.value, "base_unit": ind.unit, "display_value": to_display(point.value, ind.display_unit),
        "display_unit": ind.display_unit, "source": point.source, "complete": point.complete,
        "estimate": point.estimate, "corrected": point.corrected,
    }


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    cols = list(columns or [c for c, _ in COLUMNS])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cols)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else _csv_cell(r.get(c)) for c in cols])
    return out.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value) if value != int(value) else str(int(value))
    return value


def to_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append([table.title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([vi for _, vi in COLUMNS])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in table.rows:
        values = []
        for c, _ in COLUMNS:
            v = r.get(c)
            if c == "source":
                v = SOURCES_VI.get(v, v)
            elif isinstance(v, bool):
                v = "có" if v else ""
            values.append(v)
        ws.append(values)
    for col, width in zip("ABCDEFGHIJKLMN", (12, 28, 10, 26, 40, 12, 18, 10, 16, 14, 14, 10, 8, 12), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def response(table: Table, fmt: str, filename: str) -> HttpResponse:
    if fmt == "xlsx":
        resp = HttpResponse(to_xlsx(table), content_type=XLSX_TYPE)
        resp["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return resp
    resp = HttpResponse(to_csv(table.rows), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return resp
