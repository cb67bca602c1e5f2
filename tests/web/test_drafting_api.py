"""API for drafts: `GET /api/v1/drafts?unit=&period=&format=docx|xlsx` under the access rules."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from tests.web.test_drafting_store import stock

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def stocked(world: dict) -> None:
    stock()


def test_a_ward_editor_downloads_the_wards_draft(api: Any, stocked: Any) -> None:
    resp = api.get("/drafts", "alice", unit="06041", period="2025-10")
    assert resp.status_code == 200
    assert resp["Content-Type"] == DOCX
    assert 'filename="du-thao-bao-cao-06041-2025-10.docx"' in resp["Content-Disposition"]
    body = zipfile.ZipFile(io.BytesIO(resp.content)).read("word/document.xml").decode("utf-8")
    assert "PHƯỜNG TAM THANH" in body and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body


def test_a_province_viewer_downloads_the_province_annex(api: Any, stocked: Any) -> None:
    resp = api.get("/drafts", "victor", unit="20", period="2025-10", format="xlsx")
    assert resp.status_code == 200 and resp["Content-Type"] == XLSX
    assert zipfile.ZipFile(io.BytesIO(resp.content)).read("xl/workbook.xml")


def test_an_outsider_gets_404(api: Any, stocked: Any) -> None:
    assert api.get("/drafts", "charlie", unit="06041", period="2025-10").status_code == 404
    assert api.get("/drafts", "charlie", unit="20", period="2025-10", format="xlsx").status_code == 404


def test_a_ward_user_cannot_draft_the_province(api: Any, stocked: Any) -> None:
    assert api.get("/drafts", "alice", unit="20", period="2025-10").status_code == 404


def test_no_token_is_401_and_a_wrong_format_is_400(api: Any, stocked: Any) -> None:
    assert api.get("/drafts", None, unit="06041", period="2025-10").status_code == 401
    resp = api.get("/drafts", "alice", unit="06041", period="2025-10", format="pdf")
    assert resp.status_code == 400 and "docx hoặc xlsx" in resp.json()["detail"]
