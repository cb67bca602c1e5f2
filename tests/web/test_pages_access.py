"""Every page asks for a login, hides other provinces (404), refuses what a role may not do (403),
and refuses forms without a CSRF token."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import report_text, store, unit
from tests.web.conftest_pages import browser_for, report_with_findings


@pytest.fixture
def ward_report(world: Any) -> Any:
    return report_with_findings()


def page_urls(report: Any) -> list[str]:
    ward, province = unit("06041"), unit("20")
    return ["/", "/tong-quan/", f"/tong-quan/{province.pk}/", f"/don-vi/{ward.pk}/", "/don-vi/", "/bao-cao/",
            f"/bao-cao/{report.report.pk}/", f"/bao-cao/{report.report.pk}/tep-goc/", "/bao-cao/tai-len/",
            "/chi-tieu/", "/tim-kiem/?q=ho+so"]


def test_anonymous_visitors_are_sent_to_the_login_page_from_every_page(ward_report: Any) -> None:
    client = browser_for(None)
    for url in page_urls(ward_report):
        resp = client.get(url)
        assert resp.status_code == 302, url
        assert resp["Location"].startswith("/dang-nhap/"), url


def test_a_reviewer_of_the_province_opens_every_page(ward_report: Any) -> None:
    client = browser_for("bob")
    for url in page_urls(ward_report):
        resp = client.get(url, follow=True)
        assert resp.status_code == 200, url


def test_outsider_cannot_read_another_provinces_report_unit_or_overview(ward_report: Any) -> None:
    client = browser_for("charlie")
    report_id = ward_report.report.pk
    finding = ward_report.report.findings.first()
    for url in (f"/bao-cao/{report_id}/", f"/bao-cao/{report_id}/tep-goc/", f"/don-vi/{unit('06041').pk}/",
                f"/tong-quan/{unit('20').pk}/",
                f"/bao-cao/?unit={unit('06041').pk}", f"/tim-kiem/?q=ho+so&unit={unit('20').pk}"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/phat-hien/{finding.pk}/xu-ly/", {"action": "accept", "comment": "x"}).status_code == 404
    assert client.post(f"/bao-cao/{report_id}/trang-thai/", {"status": "reviewed"}).status_code == 404
    finding.refresh_from_db()
    assert finding.state == "open"


def test_outsider_lists_show_nothing_of_another_province(ward_report: Any) -> None:
    client = browser_for("charlie")
    for url in ("/bao-cao/", "/don-vi/", "/tim-kiem/?q=ho+so"):
        body = client.get(url).content.decode()
        assert "Tam Thanh" not in body, url


def test_viewer_cannot_upload(world: Any) -> None:
    client = browser_for("victor")
    assert client.get("/bao-cao/tai-len/").status_code == 403
    data = report_text().encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    resp = client.post("/bao-cao/tai-len/phan-tich/", {"file": SimpleUploadedFile("bc.txt", data)})
    assert resp.status_code == 403
    assert "chỉ được xem" in resp.content.decode()
    assert client.post("/bao-cao/tai-len/luu/", {"key": "0" * 64}).status_code == 403


def test_viewer_cannot_accept_fix_or_review(ward_report: Any) -> None:
    client = browser_for("victor")
    finding = ward_report.report.findings.get(code="sum_mismatch")
    for action in ("accept", "fix", "reopen"):
        resp = client.post(f"/phat-hien/{finding.pk}/xu-ly/", {"action": action, "comment": "đúng", "value": "125"})
        assert resp.status_code == 403, action
    assert client.post(f"/bao-cao/{ward_report.report.pk}/trang-thai/", {"status": "reviewed"}).status_code == 403
    finding.refresh_from_db()
    assert finding.state == "open"


def test_viewer_sees_no_action_buttons(ward_report: Any) -> None:
    body = browser_for("victor").get(f"/bao-cao/{ward_report.report.pk}/").content.decode()
    assert "Chấp nhận là đúng" not in body
    assert "Đánh dấu đã kiểm duyệt" not in body
    assert "Tải báo cáo lên" not in body


def test_editor_cannot_accept_a_finding_or_mark_reviewed(ward_report: Any) -> None:
    client = browser_for("alice")
    finding = ward_report.report.findings.get(code="sum_mismatch")
    resp = client.post(f"/phat-hien/{finding.pk}/xu-ly/", {"action": "accept", "comment": "đúng"})
    assert resp.status_code == 403
    assert client.post(f"/bao-cao/{ward_report.report.pk}/trang-thai/", {"status": "reviewed"}).status_code == 403


def test_forms_without_a_csrf_token_are_refused(ward_report: Any) -> None:
    client = browser_for("bob", csrf=True)
    finding = ward_report.report.findings.get(code="sum_mismatch")
    posts = [(f"/phat-hien/{finding.pk}/xu-ly/", {"action": "accept", "comment": "đúng"}),
             (f"/bao-cao/{ward_report.report.pk}/trang-thai/", {"status": "reviewed"}),
             ("/bao-cao/tai-len/phan-tich/", {}), ("/bao-cao/tai-len/luu/", {"key": "0" * 64}),
             ("/dang-xuat/", {})]
    for url, data in posts:
        resp = client.post(url, data)
        assert resp.status_code == 403, url
        assert "Biểu mẫu đã hết hạn" in resp.content.decode(), url
    finding.refresh_from_db()
    assert finding.state == "open"
    ward_report.report.refresh_from_db()
    assert ward_report.report.status == "submitted"


def test_csrf_token_lets_the_form_through(ward_report: Any) -> None:
    client = browser_for("bob", csrf=True)
    page = client.get(f"/bao-cao/{ward_report.report.pk}/")
    token = page.cookies["csrftoken"].value
    finding = ward_report.report.findings.get(code="sum_mismatch")
    resp = client.post(f"/phat-hien/{finding.pk}/xu-ly/", {"action": "accept", "comment": "Số đúng theo sổ.",
                                                           "csrfmiddlewaretoken": token})
    assert resp.status_code == 302
    finding.refresh_from_db()
    assert finding.state == "accepted"


def test_other_province_report_is_invisible_in_the_ward_users_lists(world: Any) -> None:
    store("04101", "2025-11", text=report_text(unit_line="XÃ HƯNG ĐẠO"))
    body = browser_for("alice").get("/bao-cao/").content.decode()
    assert "Hưng Đạo" not in body


def test_the_login_page_of_a_demo_names_the_demo_accounts(world: Any, settings: Any) -> None:
    assert "baocao-demo" not in browser_for(None).get("/dang-nhap/").content.decode()
    (settings.BAOCAO_HOME / "demo.json").write_text("{}", encoding="utf-8")
    body = browser_for(None).get("/dang-nhap/").content.decode()
    assert "<code>baocao-demo</code>" in body and "<code>tinh</code>" in body


def test_logging_in_and_out(world: Any) -> None:
    from django.test import Client

    client = Client()
    resp = client.post("/dang-nhap/", {"username": "alice", "password": "sai-mat-khau"})
    assert resp.status_code == 200 and "errorlist" in resp.content.decode()
    resp = client.post("/dang-nhap/?next=/bao-cao/", {"username": "alice", "password": "mat-khau-thu",
                                                     "next": "/bao-cao/"})
    assert resp["Location"] == "/bao-cao/"
    assert client.post("/dang-xuat/")["Location"] == "/dang-nhap/"
    assert client.get("/bao-cao/")["Location"].startswith("/dang-nhap/")
