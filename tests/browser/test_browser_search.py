"""Search in the browser: with and without diacritics, and an abbreviation."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser


def hits(session: Session, query: str) -> list[str]:
    page = session.page
    page.fill(".quick-search input", query)
    with page.expect_navigation():
        page.press(".quick-search input", "Enter")
    page.wait_for_load_state("networkidle")
    return page.locator(".hit-text").all_inner_texts()


def test_search_with_and_without_diacritics_and_by_abbreviation(session: Session) -> None:
    page = session.login("tinh").page
    with_marks = hits(session, "giải ngân")
    assert len(with_marks) == 20  # a full first page
    assert page.locator(".hit mark").first.inner_text().lower() == "giải ngân"
    total = page.inner_text(".result-summary")
    session.shot("search-diacritics")
    assert hits(session, "giai ngan") == with_marks
    assert page.inner_text(".result-summary") == total
    session.shot("search-folded")
    expanded = hits(session, "GPMB")
    assert expanded and all("giải phóng mặt bằng" in h.lower() or "gpmb" in h.lower() for h in expanded)
    assert "«giải phóng mặt bằng»" in page.inner_text(".result-summary")
    session.shot("search-abbreviation")
    with page.expect_navigation():
        page.locator(".hit-text").first.click()
    page.wait_for_load_state("networkidle")
    target = page.evaluate("() => location.hash")
    assert target.startswith(("#p", "#fn"))
    assert page.locator(target).is_visible()


def test_the_interface_switches_to_english(session: Session) -> None:
    page = session.login("tinh").page
    with page.expect_navigation():
        page.select_option("#lang-select", "en")  # the select submits its form
    page.wait_for_load_state("networkidle")
    nav = page.inner_text("nav.nav")
    assert "Overview" in nav and "Search" in nav and "Tổng quan" not in nav
    session.shot("english-overview")
    with page.expect_navigation():
        page.select_option("#lang-select", "vi")
    page.wait_for_load_state("networkidle")
    assert "Tổng quan" in page.inner_text("nav.nav")
