"""The REST API through the Django test client: every route, tokens, forged ids, pages, exports."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from baocao.web.findings.models import Finding
from baocao.web.indicators.models import IndicatorValue
from tests.web.conftest import fact, finding, report_text, store

pytestmark = pytest.mark.django_db


def upload(api: object, who: str, text: str, **fields: str) -> object:
    f = SimpleUploadedFile("bao-cao.txt", text.encode("utf-8"), content_type="text/plain")
    return api.post("/reports", who, data={"file": f, **fields})  # type: ignore[attr-defined]


@pytest.fixture
def reports(world: dict) -> dict[str, object]:
    money = {"dimension": "money", "unit": "VND"}
    return {
        "ward": store("06041", "2025-11", (fact("f1", "budget.revenue.total", 600, **money),
                                           fact("f2", "docs.incoming", 120)), (finding(),)),
        "dk": store("06042", "2025-11", (fact("f1", "budget.revenue.total", 70, **money),)),
        "old": store("06040", "2024-11", (fact("f1", "budget.revenue.total", 300, **money),)),
        "old2": store("06058", "2024-11", (fact("f1", "budget.revenue.total", 200, **money),)),
        "cb": store("04101", "2025-11", (fact("f1", "budget.revenue.total", 5, **money),)),
    }


@pytest.mark.parametrize("path", ["/reports", "/reports/1", "/units", "/values/series", "/findings", "/me"])
def test_without_a_token_the_answer_is_401(api: object, path: str) -> None:
    r = api.get(path, who=None)  # type: ignore[attr-defined]
    assert r.status_code == 401
    assert "Authorization: Bearer" in r.json()["detail"] and r["WWW-Authenticate"] == "Bearer"


def test_a_wrong_token_is_401(api: object) -> None:
    r = api.client.get("/api/v1/reports", HTTP_AUTHORIZATION="Bearer bc_khong-dung")  # type: ignore[attr-defined]
    assert r.status_code == 401


def test_the_openapi_document_is_served(api: object) -> None:
    r = api.client.get("/api/v1/openapi.json")  # type: ignore[attr-defined]
    doc = r.json()
    assert r.status_code == 200 and doc["openapi"].startswith("3.")
    for path in ("/api/v1/reports", "/api/v1/reports/{report_id}", "/api/v1/values/series",
                 "/api/v1/values/rollup", "/api/v1/findings/{finding_id}", "/api/v1/units/tree"):
        assert path in doc["paths"], path


def test_post_a_report_answers_201_with_its_id_and_detail_has_meta_facts_findings(api: object, world: dict) -> None:
    r = upload(api, "alice", report_text(body="Tiếp nhận 120 văn bản đến và phát hành 45 văn bản đi."))
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["created"] and body["unit"] == "06041" and body["period"] == "2025-11" and body["version"] == 1
    detail = api.get(f"/reports/{body['id']}", "alice")  # type: ignore[attr-defined]
    assert detail.status_code == 200
    d = detail.json()
    assert {"meta", "facts", "findings"} <= d.keys()
    assert d["meta"]["unit_name"] == "Tam Thanh" and d["meta"]["period"]["code"] == "2025-11"
    assert any(f["raw"].startswith("120") for f in d["facts"])


def test_the_same_file_posted_twice_changes_nothing(api: object, world: dict) -> None:
    text = report_text()
    first = upload(api, "alice", text).json()
    again = upload(api, "alice", text)
    assert again.status_code == 200 and again.json()["id"] == first["id"] and not again.json()["created"]
    outsider = upload(api, "charlie", text)
    assert outsider.status_code == 409 and "id" not in outsider.json()


def test_post_refuses_bad_files_in_vietnamese(api: object, world: dict, settings: object) -> None:
    empty = SimpleUploadedFile("rong.txt", b"", content_type="text/plain")
    r = api.post("/reports", "alice", data={"file": empty, "unit": "06041", "period": "2025-11"})  # type: ignore
    assert r.status_code == 400 and "rỗng" in r.json()["detail"]
    settings.BAOCAO_MAX_UPLOAD_BYTES = 100  # type: ignore[attr-defined]
    r = upload(api, "alice", report_text())
    assert r.status_code == 413 and "MB" in r.json()["detail"]


def test_post_checks_the_role_and_the_unit(api: object, world: dict) -> None:
    assert upload(api, "victor", report_text(), unit="20").status_code == 403
    assert upload(api, "alice", report_text(), unit="06042").status_code == 404
    assert upload(api, "charlie", report_text(), period="2025-11").status_code == 400  # not among her units


def test_a_report_of_another_province_is_404_by_any_route(api: object, reports: dict) -> None:
    rid = reports["ward"].report.pk  # type: ignore[attr-defined]
    vid = IndicatorValue.objects.filter(unit__code="06041").first().pk
    fid = Finding.objects.filter(unit__code="06041").first().pk
    unit_id = reports["ward"].report.unit_id  # type: ignore[attr-defined]
    for path in (f"/reports/{rid}", f"/reports/{rid}/file", f"/reports/{rid}/document", f"/values/{vid}",
                 f"/findings/{fid}", f"/units/{unit_id}", f"/units/{unit_id}/lineage"):
        assert api.get(path, "charlie").status_code == 404, path  # type: ignore[attr-defined]
        assert api.get(path, "bob").status_code == 200, path  # type: ignore[attr-defined]
    assert api.patch(f"/findings/{fid}", "charlie", {"state": "fixed"}).status_code == 404  # type: ignore
    assert api.patch(f"/values/{vid}", "charlie", {"value": 1, "reason": "x"}).status_code == 404  # type: ignore
    assert api.post(f"/reports/{rid}/status", "charlie", json={"status": "reviewed"}).status_code == 404  # type: ignore
    assert api.get(f"/reports/{rid + 10_000}", "bob").status_code == 404  # type: ignore[attr-defined]


def test_the_original_file_downloads_byte_for_byte(api: object, world: dict) -> None:
    text = report_text()
    rid = store("06041", "2025-11", text=text).report.pk
    r = api.get(f"/reports/{rid}/file", "alice")  # type: ignore[attr-defined]
    assert r.status_code == 200 and b"".join(r.streaming_content) == text.encode("utf-8")
    assert "attachment" in r["Content-Disposition"]


def test_reports_list_filters_and_pages(api: object, reports: dict) -> None:
    page = api.get("/reports", "bob", limit=2, offset=0).json()  # type: ignore[attr-defined]
    assert page["count"] == 4 and len(page["items"]) == 2
    rest = api.get("/reports", "bob", limit=2, offset=2).json()  # type: ignore[attr-defined]
    assert {i["id"] for i in page["items"]}.isdisjoint(i["id"] for i in rest["items"])
    assert [i["unit"]["code"] for i in api.get("/reports", "bob", period="2024-11").json()["items"]] == [  # type: ignore
        "06040", "06058"]
    assert api.get("/reports", "bob", unit="06042").json()["count"] == 1  # type: ignore[attr-defined]
    assert api.get("/reports", "alice").json()["count"] == 3  # type: ignore[attr-defined]  # ward + predecessors
    assert api.get("/reports", "charlie").json()["count"] == 1  # type: ignore[attr-defined]
    assert api.get("/reports", "bob", unit="04101").status_code == 404  # type: ignore[attr-defined]


def test_report_status_follows_the_roles(api: object, reports: dict) -> None:
    rid = reports["ward"].report.pk  # type: ignore[attr-defined]
    assert api.post(f"/reports/{rid}/status", "alice", json={"status": "reviewed"}).status_code == 403  # type: ignore
    r = api.post(f"/reports/{rid}/status", "bob", json={"status": "reviewed", "comment": "ok"})  # type: ignore
    assert r.status_code == 200 and r.json()["status"] == "reviewed"


def test_value_tables_series_ranking_children_rollup(api: object, reports: dict) -> None:
    series = api.get("/values/series", "bob", indicator="budget.revenue.total", unit="06041").json()  # type: ignore
    assert [(p["period"], p["value"], p["source"]) for p in series["points"]] == [
        ("2024-11", 500, "lineage"), ("2025-11", 600, "reported")]
    ranking = api.get("/values/ranking", "bob", indicator="budget.revenue.total", period="2025-11").json()  # type: ignore
    assert [p["unit"] for p in ranking["points"]] == ["06041", "06042"]
    kids = api.get("/values/children", "bob", indicator="budget.revenue.total", unit="20",  # type: ignore
                   period="2024-11").json()
    assert {p["unit"]: p["value"] for p in kids["points"]} == {"178": 500, "06042": None}
    roll = api.get("/values/rollup", "bob", indicator="budget.revenue.total", unit="20",  # type: ignore
                   period="2025-11").json()
    assert (roll["value"], roll["complete"], roll["rule"]) == (670, True, "sum")
    q = api.get("/values/over-time", "bob", indicator="budget.revenue.total", unit="06041",  # type: ignore
                period="2025-Q4").json()
    assert (q["value"], q["complete"], q["missing"]) == (600, False, ["2025-10", "2025-12"])
    assert api.get("/values/series", "bob", indicator="khong.co", unit="06041").status_code == 404  # type: ignore
    assert api.get("/values/series", "bob", indicator="budget.revenue.total", unit="06041",  # type: ignore
                   **{"from": "11/2025"}).status_code == 400


def test_value_tables_export_as_csv_and_xlsx(api: object, reports: dict) -> None:
    from openpyxl import load_workbook

    r = api.get("/values/ranking", "bob", indicator="budget.revenue.total", period="2025-11", fmt="csv")  # type: ignore
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))
    assert [(x["unit_code"], x["value"]) for x in rows] == [("06041", "600"), ("06042", "70")]
    r = api.get("/values/rollup", "bob", indicator="budget.revenue.total", unit="20", period="2025-11",  # type: ignore
                fmt="xlsx")
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert sheet["A2"].value == "Mã đơn vị" and sheet.max_row == 5  # title, header, two wards, total
    assert [sheet.cell(row=i, column=7).value for i in range(3, 6)] == [600, 70, 670]
    table = api.get("/values", "bob", indicator="budget.revenue.total", fmt="csv")  # type: ignore[attr-defined]
    assert len(table.content.decode().splitlines()) == 1 + 4
    assert api.get("/values", "bob", fmt="pdf").status_code == 400  # type: ignore[attr-defined]


def test_values_list_pages_and_corrections_follow_roles(api: object, reports: dict) -> None:
    page = api.get("/values", "bob", limit=1).json()  # type: ignore[attr-defined]
    assert page["count"] == 5 and len(page["items"]) == 1
    vid = IndicatorValue.objects.get(unit__code="06041", indicator__code="budget.revenue.total").pk
    assert api.patch(f"/values/{vid}", "alice", {"value": 650, "reason": "sai"}).status_code == 403  # type: ignore
    r = api.patch(f"/values/{vid}", "bob", {"value": 650, "reason": "Đối chiếu KBNN"})  # type: ignore
    assert r.status_code == 200 and (r.json()["value"], r.json()["reported_value"]) == (650, 600)
    detail = api.get(f"/values/{vid}", "alice").json()  # type: ignore[attr-defined]
    assert detail["corrected"] and detail["history"][0]["reason"] == "Đối chiếu KBNN"
    assert detail["source_fact"]["raw"] == "600"


def test_findings_list_and_state_changes(api: object, reports: dict) -> None:
    page = api.get("/findings", "bob", state="open").json()  # type: ignore[attr-defined]
    assert page["count"] == 1 and page["items"][0]["code"] == "sum_mismatch"
    fid = page["items"][0]["id"]
    assert api.patch(f"/findings/{fid}", "victor", {"state": "fixed"}).status_code == 403  # type: ignore
    assert api.patch(f"/findings/{fid}", "alice", {"state": "accepted", "comment": "x"}).status_code == 403  # type: ignore
    assert api.patch(f"/findings/{fid}", "alice", {"state": "fixed"}).json()["state"] == "fixed"  # type: ignore
    r = api.patch(f"/findings/{fid}", "bob", {"state": "accepted"})  # type: ignore[attr-defined]
    assert r.status_code == 400 and "ghi chú" in r.json()["detail"]
    assert api.get("/findings", "charlie").json()["count"] == 0  # type: ignore[attr-defined]


def test_units_periods_indicators_me_audit(api: object, reports: dict) -> None:
    tree = api.get("/units/tree", "bob", on="2025-01-01").json()  # type: ignore[attr-defined]
    assert tree[0]["code"] == "20" and {c["code"] for c in tree[0]["children"]} == {"178", "06042"}
    units = api.get("/units", "alice").json()  # type: ignore[attr-defined]
    assert {u["code"] for u in units["items"]} == {"06040", "06041", "06058"}
    ward = next(u for u in units["items"] if u["code"] == "06041")
    lineage = api.get(f"/units/{ward['id']}/lineage", "alice").json()  # type: ignore[attr-defined]
    assert {p["unit"]["code"]: p["share"] for p in lineage["predecessors"]} == {"06040": 1.0, "06058": 1.0}
    detail = api.get(f"/units/{ward['id']}", "alice").json()  # type: ignore[attr-defined]
    assert detail["parent_code"] == "20" and len(detail["predecessors"]) == 2
    period = api.get("/periods/2025-11", "alice").json()  # type: ignore[attr-defined]
    assert (period["window_start"], period["window_end"], period["due"]["commune"]) == (
        "2025-10-15", "2025-11-14", "2025-11-18")
    assert "2024-11" in [p["code"] for p in api.get("/periods", "alice").json()]  # type: ignore[attr-defined]
    assert api.get("/periods/2019-01", "alice").status_code == 404  # type: ignore[attr-defined]
    inds = api.get("/indicators", "alice", key=True).json()  # type: ignore[attr-defined]
    assert inds and all(i["key"] for i in inds)
    assert api.get("/indicators/budget.revenue.total", "alice").json()["display_unit"]  # type: ignore[attr-defined]
    me = api.get("/me", "alice").json()  # type: ignore[attr-defined]
    assert (me["unit"], me["role"], me["can"]["upload"], me["can"]["review"]) == ("06041", "editor", True, False)
    audit = api.get("/audit", "bob", action="report.ingest").json()  # type: ignore[attr-defined]
    assert audit["count"] == 4 and api.get("/audit", "charlie", action="report.ingest").json()["count"] == 1  # type: ignore


def test_facts_can_be_read_and_rejected_by_a_reviewer(api: object, reports: dict) -> None:
    detail = api.get(f"/reports/{reports['ward'].report.pk}", "bob").json()  # type: ignore
    fid = next(f["id"] for f in detail["facts"] if f["indicator"] == "docs.incoming")
    assert api.get(f"/facts/{fid}", "charlie").status_code == 404  # type: ignore[attr-defined]
    assert api.patch(f"/facts/{fid}", "alice", {"status": "rejected"}).status_code == 403  # type: ignore
    assert api.patch(f"/facts/{fid}", "bob", {"status": "rejected", "reason": "trùng"}).json()["status"] == "rejected"  # type: ignore
    assert not IndicatorValue.objects.filter(indicator__code="docs.incoming").exists()


def test_uploading_straight_to_reviewed_needs_a_reviewer(api: object, world: dict) -> None:
    assert upload(api, "alice", report_text(), status="reviewed").status_code == 403
    r = upload(api, "alice", report_text(), status="submitted")
    assert r.status_code == 201 and r.json()["status"] == "submitted"
    assert upload(api, "bob", report_text(), unit="06041", status="reviewed").json()["status"] == "reviewed"


def test_series_takes_from_and_to(api: object, reports: dict) -> None:
    r = api.get("/values/series", "bob", indicator="budget.revenue.total", unit="06041",  # type: ignore
                **{"from": "2025-01", "to": "2025-12"})
    assert [p["period"] for p in r.json()["points"]] == ["2025-11"]
    r = api.get("/reports", "bob", **{"from": "2025-01", "to": "2025-12"})  # type: ignore[attr-defined]
    assert r.json()["count"] == 2
