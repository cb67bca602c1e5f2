"""The review page: clean text with sections, every figure marked with its card, findings marked in
place and listed, footnotes under their paragraph, versions, status changes, the original file."""

from __future__ import annotations

import re
from typing import Any

import pytest

from baocao.web.ui.document import marked_html
from tests.conftest import seed_path
from tests.web.conftest import report_text, store, unit
from tests.web.conftest_pages import BODY, browser_for, report_with_findings


@pytest.fixture
def ward_report(world: Any) -> Any:
    return report_with_findings(status="draft")


def test_review_shows_sections_figures_and_findings_in_place(ward_report: Any) -> None:
    resp = browser_for("bob").get(f"/bao-cao/{ward_report.report.pk}/")
    body = resp.content.decode()
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in body
    sum_finding = ward_report.report.findings.get(code="sum_mismatch")
    # the figure is a hover target, inside the mark of the finding that points at it
    mark = f'<mark class="fd error" data-findings="{sum_finding.pk}">'
    assert re.search(re.escape(mark) + r'<span class="fig" tabindex="0" data-fact="\d+">120 hồ sơ</span></mark>', body)
    assert f'id="m-{sum_finding.pk}"' in body
    assert f'id="finding-{sum_finding.pk}"' in body
    assert "Các phần không cộng đúng tổng." in body and "Tổng đúng là 125 hồ sơ." in body
    figures = resp.context["figures"]
    card = next(iter(figures.values()))
    assert card["raw"] == "120 hồ sơ"
    assert card["indicator"] == "Hồ sơ thủ tục hành chính tiếp nhận"
    assert card["value"] == "120 hồ sơ"


def test_findings_are_listed_in_reading_order_with_their_actions(ward_report: Any) -> None:
    resp = browser_for("bob").get(f"/bao-cao/{ward_report.report.pk}/")
    codes = [card["f"].code for card in resp.context["cards"]]
    assert codes == ["sum_mismatch", "doubled_word"]
    body = resp.content.decode()
    assert "Chấp nhận là đúng" in body and "Sửa số liệu" in body
    # the sum finding offers the expected value in the figure's unit
    assert 'value="125"' in body


def test_editor_sees_fix_but_not_accept(ward_report: Any) -> None:
    body = browser_for("alice").get(f"/bao-cao/{ward_report.report.pk}/").content.decode()
    assert "Đánh dấu đã sửa" in body
    assert "Chấp nhận là đúng" not in body
    assert "Gửi báo cáo" in body


def test_marked_html_nests_findings_around_figures_and_places_footnote_markers() -> None:
    text = "Thu 1.809,6 triệu đồng <đạt> 36,7%."
    html = marked_html(text, facts=[(4, 22, 7)], findings=[(4, 11, 3, "warning"), (4, 22, 5, "error")],
                       markers=[(22, 4)])
    assert html.startswith("Thu ")
    assert '<a class="anchor" id="m-3"></a><a class="anchor" id="m-5"></a>' in html
    assert '<mark class="fd error" data-findings="3 5"><span class="fig" tabindex="0" data-fact="7">1.809,6</span>' \
           in html
    assert '<mark class="fd error" data-findings="5"><span class="fig" tabindex="0" data-fact="7"> triệu đồng' in html
    assert '<sup class="fn-ref"><a href="#fn4"' in html
    assert "&lt;đạt&gt;" in html and "<đạt>" not in html


def test_seed_report_shows_footnotes_under_their_paragraph_and_the_known_finding(world: Any) -> None:
    from baocao.web.reports.ingest import ingest

    path = seed_path("004")
    result = ingest(path.read_bytes(), path.name, unit_code="20", status="submitted")
    resp = browser_for("bob").get(f"/bao-cao/{result.report.pk}/")
    body = resp.content.decode()
    blocks = [(b.kind, b.id) for b in resp.context["blocks"]]
    at = blocks.index(("paragraph", "p17"))
    assert blocks[at + 1] == ("footnote", "fn10")
    assert '<a href="#fn10"' in body
    assert "Tỷ lệ 81,5% không khớp với 822.090/1.031.687 lượt = 79,7%." in body
    assert "128.053" in body


def test_an_older_version_is_shown_on_request_with_a_warning(world: Any) -> None:
    first = store("06041", "2025-11", text=report_text(body="Tiếp nhận 100 văn bản đến."))
    second = store("06041", "2025-11", text=report_text(body="Tiếp nhận 101 văn bản đến."))
    assert second.report.pk == first.report.pk
    client = browser_for("alice")
    current = client.get(f"/bao-cao/{first.report.pk}/").content.decode()
    assert "101 văn bản" in current and "phiên bản cũ" not in current
    old = client.get(f"/bao-cao/{first.report.pk}/?v=1").content.decode()
    assert "100 văn bản" in old and "phiên bản cũ" in old
    assert client.get(f"/bao-cao/{first.report.pk}/?v=9").status_code == 404


def test_editor_submits_and_reviewer_marks_reviewed(ward_report: Any) -> None:
    report = ward_report.report
    assert browser_for("victor").post(f"/bao-cao/{report.pk}/trang-thai/", {"status": "submitted"}).status_code == 403
    resp = browser_for("alice").post(f"/bao-cao/{report.pk}/trang-thai/", {"status": "submitted"}, follow=True)
    assert "Đã gửi báo cáo." in resp.content.decode()
    report.refresh_from_db()
    assert report.status == "submitted" and report.submitted_at is not None
    browser_for("bob").post(f"/bao-cao/{report.pk}/trang-thai/", {"status": "reviewed"})
    report.refresh_from_db()
    assert report.status == "reviewed" and report.reviewed_by.username == "bob"


def test_original_file_is_given_back_byte_for_byte(ward_report: Any) -> None:
    resp = browser_for("alice").get(f"/bao-cao/{ward_report.report.pk}/tep-goc/")
    assert resp.status_code == 200
    data = b"".join(resp.streaming_content)
    assert BODY.encode() in data
    assert "attachment" in resp["Content-Disposition"]


def test_report_list_filters_by_unit_period_and_status(ward_report: Any) -> None:
    store("06042", "2025-10", text=report_text(unit_line="PHƯỜNG ĐÔNG KINH"))
    client = browser_for("bob")
    everything = client.get("/bao-cao/")
    assert everything.context["page"].paginator.count == 2
    only_ward = client.get(f"/bao-cao/?unit={unit('06041').pk}")
    assert [r.unit.code for r in only_ward.context["page"]] == ["06041"]
    drafts = client.get("/bao-cao/?status=draft&period=2025-11")
    assert [r.pk for r in drafts.context["page"]] == [ward_report.report.pk]
    row = drafts.context["page"][0]
    assert (row.n_open, row.n_errors) == (2, 1)
