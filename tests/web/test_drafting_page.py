"""The drafting page: unit and period chosen among what the user sees, DOCX and XLSX downloads,
the communes that have not reported named before downloading; 404 outside the user's units."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from tests.web.conftest import unit
from tests.web.test_drafting_store import stock
from tests.web.test_tasks_page import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def stocked(world: dict) -> None:
    stock(dong_kinh_october=False)


def test_the_page_offers_the_downloads_and_names_missing_communes(stocked: Any) -> None:
    province = unit("20")
    resp = client_for("bob").get("/du-thao/", {"unit": province.pk, "period": "2025-10"})
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "phường Đông Kinh" in html and "chưa gửi báo cáo" in html
    assert f"/du-thao/tai-ve/?unit={province.pk}&amp;period=2025-10&amp;format=docx" in html
    assert f"/du-thao/tai-ve/?unit={province.pk}&amp;period=2025-10&amp;format=xlsx" in html


def test_downloads_are_the_draft_and_the_annex(stocked: Any) -> None:
    ward = unit("06041")
    c = client_for("alice")
    docx = c.get("/du-thao/tai-ve/", {"unit": ward.pk, "period": "2025-10", "format": "docx"})
    assert docx.status_code == 200 and "du-thao-bao-cao-06041-2025-10.docx" in docx["Content-Disposition"]
    assert b"PH\xc6\xaf\xe1\xbb\x9cNG TAM THANH" in zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml")
    xlsx = c.get("/du-thao/tai-ve/", {"unit": ward.pk, "period": "2025-10", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Disposition"].endswith('.xlsx"')


def test_outsiders_and_other_units_get_404(stocked: Any) -> None:
    assert client_for("charlie").get("/du-thao/", {"unit": unit("06041").pk}).status_code == 404
    assert client_for("alice").get("/du-thao/tai-ve/", {"unit": unit("20").pk, "period": "2025-10"}).status_code == 404
    assert client_for("alice").get("/du-thao/tai-ve/", {"unit": unit("06041").pk,
                                                        "period": "2019-01"}).status_code == 404
