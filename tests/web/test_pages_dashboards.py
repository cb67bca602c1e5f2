"""Unit dashboard (key figures, changes, charts, findings, tasks), start page, province overview."""

from __future__ import annotations

from datetime import date
from typing import Any
from unittest import mock

import pytest

from baocao.web.reports.models import Report
from tests.web.conftest import report_text, store, unit
from tests.web.conftest_pages import BODY, browser_for, tthc, ward_history


@pytest.fixture
def history(world: Any) -> dict[str, Any]:
    return ward_history()


def test_dashboard_shows_the_key_figure_with_changes_against_last_month_and_last_year(history: Any) -> None:
    resp = browser_for("alice").get(f"/don-vi/{unit('06041').pk}/")
    assert resp.status_code == 200
    kpi = next(k for k in resp.context["kpis"] if k.indicator.code == "tthc.received")
    assert kpi.latest.value == 120
    assert round(kpi.change_previous, 1) == 20.0  # 100 → 120
    assert round(kpi.change_year, 1) == 50.0  # 50 + 30 in the two old units → 120
    body = resp.content.decode()
    assert "▲+20,0%" in body and "▲+50,0%" in body
    assert 'data-key="spark-' in body and 'id="sparks"' in body


def test_dashboard_chart_has_the_months_and_the_same_months_a_year_earlier(history: Any) -> None:
    resp = browser_for("alice").get(f"/don-vi/{unit('06041').pk}/?chi-tieu=tthc.received")
    chart = resp.context["chart"]
    assert chart["labels"][-1] == "11/2025"
    now, last_year = chart["datasets"]
    assert now["data"][-2:] == [100, 120]
    assert last_year["data"][-1] == 80
    assert 'id="main-chart-data"' in resp.content.decode()


def test_dashboard_lists_open_findings_reports_and_planned_tasks(history: Any) -> None:
    body = browser_for("alice").get(f"/don-vi/{unit('06041').pk}/").content.decode()
    assert "Các phần không cộng đúng tổng." in body
    assert "Tháng 11/2025" in body and "Tháng 10/2025" in body
    assert "Tiếp tục thực hiện các nhiệm vụ." in body  # the key task the November report sets for December
    assert "Giao cho Tháng 11/2025" in body and "Đề ra cho Tháng 12/2025" in body
    assert "/nhiem-vu-trong-tam/?unit=" in body
    assert "hình thành từ" in body and "Hoàng Đồng" in body


def test_the_start_page_is_the_overview_for_a_province_and_the_dashboard_for_a_ward(world: Any) -> None:
    assert browser_for("bob").get("/tong-quan/")["Location"] == f"/tong-quan/{unit('20').pk}/"
    assert browser_for("alice").get("/tong-quan/")["Location"] == f"/don-vi/{unit('06041').pk}/"
    assert browser_for("alice").get("/")["Location"] == "/tong-quan/"


def _issued(result: Any, day: date) -> None:
    Report.objects.filter(pk=result.report.pk).update(issued_on=day)


def test_overview_matrix_says_on_time_late_missing_and_not_yet_due(world: Any) -> None:
    nov = store("06041", "2025-11", facts=(tthc("a", 120),), text=report_text(body=BODY))
    oct_ = store("06041", "2025-10", facts=(tthc("b", 100),), text=report_text(body=BODY))
    _issued(nov, date(2025, 11, 17))  # due on the 18th (commune default)
    _issued(oct_, date(2025, 10, 25))  # a week late
    draft = store("06042", "2025-10", text=report_text(unit_line="PHƯỜNG ĐÔNG KINH"), status="draft")
    with mock.patch("django.utils.timezone.localdate", return_value=date(2025, 11, 16)):
        resp = browser_for("bob").get(f"/tong-quan/{unit('20').pk}/?den=2025-11")
    rows = {r["unit"].code + ("" if r["unit"].valid_to is None else "-old"): r for r in resp.context["rows"]}
    ward = [c.state for c in rows["06041"]["cells"]]
    assert ward[-2:] == ["late", "pending"] or ward[-2:] == ["late", "on_time"]
    assert rows["06041"]["cells"][-2].days_late == 7
    assert ward[0] == "na"  # the merged ward did not exist in December 2024
    assert [c.state for c in rows["06042"]["cells"]][-3:] == ["missing", "draft", "pending"]
    assert rows["06040-old"]["cells"][-1].state == "na"
    assert draft.report.pk == rows["06042"]["cells"][-2].report_id
    with mock.patch("django.utils.timezone.localdate", return_value=date(2025, 12, 1)):
        resp = browser_for("bob").get(f"/tong-quan/{unit('20').pk}/?den=2025-11&hien-nay=1")
    rows = {r["unit"].code: r for r in resp.context["rows"]}
    assert rows["06041"]["cells"][-1].state == "on_time"
    assert rows["06042"]["cells"][-1].state == "missing"
    assert "06040" not in rows  # only the units of today
    assert resp.context["totals"][-1]["sent"] == 1


def test_overview_ranks_the_units_on_an_indicator_with_a_chart(world: Any) -> None:
    store("06041", "2025-11", facts=(tthc("a", 120),), text=report_text(body=BODY))
    store("06042", "2025-11", facts=(tthc("b", 300),), text=report_text(unit_line="PHƯỜNG ĐÔNG KINH", body=BODY))
    resp = browser_for("bob").get(f"/tong-quan/{unit('20').pk}/?chi-tieu=tthc.received&ky=2025-11")
    ranked = [(r["name"], r["value"]) for r in resp.context["rank_points"]]
    assert ranked == [("phường Đông Kinh", 300), ("phường Tam Thanh", 120)]
    assert resp.context["rank_chart"]["datasets"][0]["data"] == [300, 120]
    body = resp.content.decode()
    assert f'href="/don-vi/{unit("06042").pk}/"' in body and 'id="rank-data"' in body


def test_overview_of_a_ward_user_is_limited_to_what_they_see(world: Any) -> None:
    store("06042", "2025-11", text=report_text(unit_line="PHƯỜNG ĐÔNG KINH"))
    assert browser_for("alice").get(f"/tong-quan/{unit('20').pk}/").status_code == 404


def test_units_page_is_a_tree_of_the_units_the_user_sees(world: Any) -> None:
    body = browser_for("bob").get("/don-vi/").content.decode()
    assert "tỉnh Lạng Sơn" in body and "phường Đông Kinh" in body and "Cao Bằng" not in body
    assert "phường Tam Thanh (đến" not in body
    everything = browser_for("bob").get("/don-vi/?tat-ca=1").content.decode()
    assert "xã Hoàng Đồng (đến 30/06/2025)" in everything
