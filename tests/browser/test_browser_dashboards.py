"""The demo province's overview and a ward's dashboard: charts render, numbers are Vietnamese."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

# pixels of a canvas that are not transparent, and the data Chart.js was given
CANVAS_STATE = """(sel) => {
  const canvas = document.querySelector(sel);
  const chart = window.Chart && window.Chart.getChart(canvas);
  const ctx = canvas.getContext('2d');
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
  return {painted, width: canvas.width, height: canvas.height,
          points: chart ? chart.data.datasets[0].data.filter(v => v !== null).length : 0};
}"""


def test_province_overview_shows_the_matrix_and_the_ranking_chart(session: Session) -> None:
    page = session.login("tinh").page
    assert re.search(r"/tong-quan/\d+/$", page.url)
    assert "tình hình gửi báo cáo" in page.inner_text("h1")
    assert page.locator("table.matrix td.m.on_time, table.matrix td.m.late").count() > 10
    assert page.locator("table.matrix td.m.missing").count() >= 1  # the demo leaves two reports out
    session.shot("overview")
    page.locator("#xep-hang").scroll_into_view_if_needed()
    state = page.evaluate(CANVAS_STATE, "#rank-chart")
    assert state["points"] >= 3 and state["painted"] > 1000
    session.shot("overview-ranking")


def test_ward_dashboard_draws_its_charts(session: Session) -> None:
    page = session.login("phuong").page
    assert re.search(r"/don-vi/\d+/$", page.url)
    assert page.locator(".kpi").count() >= 4
    assert re.search(r"\d{1,3}(\.\d{3})*(,\d+)?", page.locator(".kpi-value").first.inner_text())
    spark = page.evaluate(CANVAS_STATE, ".kpi canvas")
    assert spark["points"] >= 10 and spark["painted"] > 100
    session.shot("dashboard")
    page.locator("#bieu-do").scroll_into_view_if_needed()
    main = page.evaluate(CANVAS_STATE, "#main-chart")
    assert main["points"] >= 10 and main["painted"] > 2000
    session.shot("dashboard-chart")


def test_explorer_draws_a_line_per_unit_and_offers_exports(session: Session) -> None:
    page = session.login("tinh").page
    session.go("/chi-tieu/?indicator=tthc.received")
    boxes = page.locator(".unit-boxes input[type=checkbox]")
    for i in range(1, 4):
        boxes.nth(i).check()
    with page.expect_navigation():
        page.click(".explore-form button.primary")
    page.wait_for_load_state("networkidle")
    count = page.evaluate("() => window.Chart.getChart(document.querySelector('#explore-chart')).data.datasets.length")
    assert count == 4
    assert page.locator("a", has_text="Tải Excel (XLSX)").count() == 1
    with page.expect_download() as download:
        page.click("text=Tải CSV")
    assert download.value.suggested_filename == "chi-tieu-tthc.received.csv"
    session.shot("explorer")
