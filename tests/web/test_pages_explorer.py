"""The indicator explorer: chart and table over units and months, following lineage; CSV and XLSX."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.web.conftest import unit
from tests.web.conftest_pages import browser_for, ward_history


@pytest.fixture
def history(world: Any) -> dict[str, Any]:
    return ward_history()


def url(**params: Any) -> str:
    ward = unit("06041").pk
    base = f"/chi-tieu/?indicator=tthc.received&unit={ward}&from=2024-11&to=2025-11"
    return base + "".join(f"&{k}={v}" for k, v in params.items())


def test_table_and_chart_follow_the_merged_ward_back_to_its_old_units(history: Any) -> None:
    resp = browser_for("alice").get(url())
    assert [p.code for p in resp.context["periods"]] == ["2024-11", "2025-10", "2025-11"]
    assert resp.context["chart"]["datasets"][0]["data"] == [80, 100, 120]
    body = resp.content.decode()
    rows = re.findall(r"<tr><td>([^<]+)</td>(.*?)</tr>", str(resp.context["table"]))
    assert [r[0] for r in rows] == ["Tháng 11/2025", "Tháng 10/2025", "Tháng 11/2024"]  # newest first
    assert rows[2][1] == '<td class="num derived" title="cộng từ các đơn vị cũ">80</td>'
    assert rows[0][1] == '<td class="num">120</td>'
    assert 'id="explore-data"' in body


def test_several_units_are_columns_and_lines(history: Any) -> None:
    resp = browser_for("bob").get(url() + f"&unit={unit('06040').pk}")
    assert [u.code for u in resp.context["units"]] == ["06041", "06040"]
    assert [d["label"] for d in resp.context["chart"]["datasets"]] == ["phường Tam Thanh",
                                                                         "phường Tam Thanh (đến 30/06/2025)"]
    rows = re.findall(r"<tr><td>[^<]+</td>(.*?)</tr>", str(resp.context["table"]))
    assert [re.findall(r">([^<]*)</td>", r)[1] for r in rows] == ["–", "–", "50"]


def test_csv_export_has_one_row_per_unit_and_month(history: Any) -> None:
    resp = browser_for("alice").get(url(format="csv"))
    assert resp["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.content.decode())))
    assert [(r["unit_code"], r["period"], r["value"], r["source"]) for r in rows] == [
        ("06041", "2024-11", "80", "lineage"), ("06041", "2025-10", "100", "reported"),
        ("06041", "2025-11", "120", "reported")]


def test_xlsx_export_opens_with_vietnamese_headers(history: Any) -> None:
    resp = browser_for("alice").get(url(format="xlsx"))
    sheet = load_workbook(io.BytesIO(resp.content)).active
    assert sheet["A2"].value == "Mã đơn vị"
    assert [c.value for c in sheet[5]][:3] == ["06041", "phường Tam Thanh", "2025-11"]


def test_units_the_user_cannot_see_are_left_out(history: Any) -> None:
    resp = browser_for("charlie").get(url())
    assert resp.context["units"] == []
    assert "Tam Thanh" not in resp.content.decode().split('<fieldset class="unit-picker">')[0]
    assert resp.context["table"] == ""
