"""A reviewer uploads the province's real August 2025 report, reviews it, accepts a known finding."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LANG_SON, Session
from tests.conftest import seed_path

pytestmark = pytest.mark.browser


def test_upload_a_seed_review_it_and_accept_a_finding_with_a_comment(session: Session) -> None:
    seed = seed_path("004")
    page = session.login(*LANG_SON).page
    session.go("/bao-cao/tai-len/")
    assert page.locator("#analyse-button").is_hidden()  # the page's script reads files as they are dropped
    page.set_input_files("#file-input", [str(seed)])
    page.wait_for_selector("#rows tr.upload-row.ready", timeout=60_000)
    row = page.locator("#rows tr.upload-row.ready")
    assert row.locator("select option:checked").inner_text().strip() == "tỉnh Lạng Sơn"
    assert row.locator("input[type=text]").input_value() == "2025-08"
    assert "Đã đọc 1/1 tệp" in page.inner_text("#progress")
    session.shot("upload-read")

    page.click("#store-button")
    page.wait_for_selector("#rows tr.stored-row.ok", timeout=60_000)
    session.shot("upload-stored")
    with page.expect_navigation():
        page.click("#rows tr.stored-row a.button")
    page.wait_for_load_state("networkidle")
    assert "Báo cáo tỉnh Lạng Sơn — Tháng 8/2025" in page.inner_text("h1")
    session.shot("review-top")

    card = page.locator("article.finding", has_text="Tỷ lệ 81,5% không khớp với 822.090/1.031.687 lượt = 79,7%.")
    assert card.count() == 1
    sum_card = page.locator("article.finding", has_text="128.053")
    assert sum_card.count() == 1

    # the finding leads to its place: footnote 10, under the paragraph that refers to it
    card.locator("a.goto").click()
    page.wait_for_timeout(600)
    note = page.locator("#fn10")
    assert note.is_visible()
    assert note.locator("mark.fd.error", has_text="81,5%").count() == 1
    figure = note.locator(".fig", has_text="822.090").first
    figure.hover()
    hover_card = page.locator("#fig-card")
    hover_card.wait_for(state="visible")
    assert "822.090" in hover_card.inner_text()
    session.shot("review-footnote-card")

    card.locator("summary").click()
    form = card.locator("form:has(input[value=accept])")
    form.locator("textarea").fill("Tỷ lệ tính trên kế hoạch năm đã điều chỉnh của Sở Y tế.")
    form.locator("button").click()
    accepted = page.locator("article.finding.state-accepted", has_text="81,5%")
    accepted.wait_for(timeout=10_000)
    assert "chấp nhận là đúng" in accepted.inner_text()
    assert "Sở Y tế" in accepted.inner_text()
    mark = note.locator("mark.fd", has_text="81,5%")
    assert "handled" in (mark.get_attribute("class") or "")
    session.shot("review-accepted")

    # after a reload the decision is still there
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("article.finding.state-accepted", has_text="81,5%").count() == 1

    page.emulate_media(media="print")
    session.shot("review-print", full_page=False)
    assert page.locator("header.top").is_hidden()
    page.emulate_media(media="screen")
