"""Uploading from the browser: read, check what baocao inferred, correct it, store; friendly errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from baocao.web.reports.models import Report
from tests.conftest import seed_path
from tests.web.conftest import report_text, unit
from tests.web.conftest_pages import browser_for

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def upload(client: Any, *files: tuple[str, bytes], fetch: bool = True) -> Any:
    return client.post("/bao-cao/tai-len/phan-tich/", {"file": [SimpleUploadedFile(n, d) for n, d in files]},
                       **(FETCH if fetch else {}))


def staged_key(body: str) -> str:
    return re.search(r'data-key="([0-9a-f]{64})"', body).group(1)


def test_editor_reads_a_report_and_sees_what_was_inferred(world: Any) -> None:
    resp = upload(browser_for("alice"), ("bao-cao-thang-11.txt", report_text().encode()))
    body = resp.content.decode()
    row = resp.context["rows"][0]
    assert (row["period"], row["unit_id"]) == ("2025-11", unit("06041").pk)
    assert "Tháng 11/2025" in body and "nhận ra từ văn bản" in body
    assert f'<option value="{unit("06041").pk}" selected>' in body
    assert body.lstrip().startswith("<tr")  # rows only, for the page's script


def test_confirmed_rows_are_stored_as_drafts_by_default(world: Any, settings: Any) -> None:
    client = browser_for("alice")
    key = staged_key(upload(client, ("bc.txt", report_text().encode())).content.decode())
    resp = client.post("/bao-cao/tai-len/luu/", {"key": key, f"unit-{key}": unit("06041").pk,
                                                  f"period-{key}": "2025-11", "status": "draft"}, **FETCH)
    body = resp.content.decode()
    assert "đã lưu" in body and "Xem và kiểm tra" in body
    report = Report.objects.get(unit__code="06041", period__code="2025-11")
    assert report.status == "draft" and report.current.uploaded_via == "web"
    assert report.current.uploaded_by.username == "alice"
    assert not list((settings.BAOCAO_HOME / "staging").glob(f"*/{key}.*"))


def test_people_correct_the_period_before_storing(world: Any) -> None:
    client = browser_for("alice")
    key = staged_key(upload(client, ("bc.txt", report_text().encode())).content.decode())
    client.post("/bao-cao/tai-len/luu/", {"key": key, f"unit-{key}": unit("06041").pk, f"period-{key}": "2025-10",
                                          "status": "submitted"}, **FETCH)
    report = Report.objects.get(unit__code="06041")
    assert (report.period.code, report.status) == ("2025-10", "submitted")


def test_a_row_with_a_missing_unit_comes_back_editable_with_the_reason(world: Any) -> None:
    client = browser_for("alice")
    key = staged_key(upload(client, ("bc.txt", report_text().encode())).content.decode())
    resp = client.post("/bao-cao/tai-len/luu/", {"key": key, f"unit-{key}": "", f"period-{key}": "2025-11"}, **FETCH)
    body = resp.content.decode()
    assert "Hãy chọn đơn vị ban hành báo cáo." in body
    assert f'name="unit-{key}"' in body  # still a row to correct
    resp = client.post("/bao-cao/tai-len/luu/", {"key": key, f"unit-{key}": unit("06041").pk,
                                                  f"period-{key}": "tháng mười"}, **FETCH)
    assert f'name="period-{key}"' in resp.content.decode()
    assert not Report.objects.exists()


def test_wrong_type_empty_and_too_large_files_get_a_message_each(world: Any, settings: Any) -> None:
    settings.BAOCAO_MAX_UPLOAD_BYTES = 2000
    resp = upload(browser_for("alice"), ("bang-tinh.xlsx", b"PK\x03\x04"), ("rong.txt", b""),
                  ("lon.txt", b"x" * 3000), ("bc.txt", report_text().encode()))
    rows = resp.context["rows"]
    assert "Chỉ nhận tệp PDF, DOCX hoặc TXT" in rows[0]["error"]
    assert "rỗng" in rows[1]["error"]
    assert "lớn hơn giới hạn" in rows[2]["error"]
    assert "error" not in rows[3]


def test_a_file_baocao_cannot_read_gets_the_cores_vietnamese_message(world: Any) -> None:
    resp = upload(browser_for("alice"), ("hong.pdf", b"%PDF-1.4 not really a pdf"))
    assert resp.context["rows"][0]["error"]
    assert "Traceback" not in resp.content.decode()


def test_a_file_already_stored_is_recognised(world: Any) -> None:
    client = browser_for("alice")
    data = report_text().encode()
    key = staged_key(upload(client, ("bc.txt", data)).content.decode())
    client.post("/bao-cao/tai-len/luu/", {"key": key, f"unit-{key}": unit("06041").pk, f"period-{key}": "2025-11"},
                **FETCH)
    body = upload(client, ("ban-sao.txt", data)).content.decode()
    assert "đã có trong kho" in body


def test_an_outsider_cannot_store_into_a_unit_they_do_not_see(world: Any) -> None:
    client = browser_for("charlie")
    resp = upload(client, ("bc.txt", report_text().encode()))
    row = resp.context["rows"][0]
    assert row["unit_id"] is None and "Không tìm thấy đơn vị" in row["hint"]
    key = row["key"]
    resp = client.post("/bao-cao/tai-len/luu/", {"key": key, f"unit-{key}": unit("06041").pk,
                                                  f"period-{key}": "2025-11"}, **FETCH)
    assert "Hãy chọn đơn vị ban hành báo cáo." in resp.content.decode()
    assert not Report.objects.exists()


def test_without_javascript_the_same_endpoints_answer_whole_pages(world: Any) -> None:
    client = browser_for("alice")
    resp = upload(client, ("a.txt", report_text().encode()), ("b.txt", report_text().encode()), fetch=False)
    body = resp.content.decode()
    assert "<html" in body and body.count('class="upload-row ready"') == 2
    keys = re.findall(r'data-key="([0-9a-f]{64})"', body)
    data = {"key": keys, "status": "draft"}
    for k, period in zip(keys, ("2025-10", "2025-11"), strict=True):
        data.update({f"unit-{k}": unit("06041").pk, f"period-{k}": period})
    resp = client.post("/bao-cao/tai-len/luu/", data)
    assert resp.content.decode().count('class="stored-row ok"') == 2
    assert Report.objects.filter(unit__code="06041").count() == 2


@pytest.mark.seeds
def test_the_province_seed_is_recognised_as_lang_son_august_2025(world: Any) -> None:
    path = seed_path("004")
    resp = upload(browser_for("bob"), (path.name, path.read_bytes()))
    row = resp.context["rows"][0]
    assert (row["period"], row["unit_id"]) == ("2025-08", unit("20").pk)
    assert row["errors"] > 5


def test_a_corrected_report_becomes_the_next_version(world: Any) -> None:
    client = browser_for("alice")
    for body in ("Tiếp nhận 120 văn bản đến.", "Tiếp nhận 121 văn bản đến."):
        key = staged_key(upload(client, ("bc.txt", report_text(body=body).encode())).content.decode())
        resp = client.post("/bao-cao/tai-len/luu/", {"key": key, f"unit-{key}": unit("06041").pk,
                                                      f"period-{key}": "2025-11"}, **FETCH)
    assert "phiên bản 2, thay cho phiên bản 1" in resp.content.decode()
    report = Report.objects.get(unit__code="06041")
    old = browser_for("bob").get(f"/bao-cao/{report.pk}/?v=1").content.decode()
    assert "Đánh dấu đã kiểm duyệt" not in old  # an old version is read, not handled
