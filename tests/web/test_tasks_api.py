"""API on planned tasks: list with statuses, detail, confirm or correct — under the access rules
(outsiders get 404, viewers may read but not correct, no token 401)."""

from __future__ import annotations

from typing import Any

import pytest

from baocao.web.tasks.models import PlannedTask, TaskDecision
from tests.web.conftest import unit
from tests.web.test_tasks_store import put

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_months(world: dict) -> PlannedTask:
    put(9)
    put(10)
    return PlannedTask.objects.filter(unit=unit("06041"), period_code="2025-10").order_by("position").first()


def test_list_gives_the_tasks_numbered_as_printed_with_statuses(api: Any, two_months: PlannedTask) -> None:
    resp = api.get("/tasks", "alice", unit="06041", period="2025-10")
    assert resp.status_code == 200, resp.content
    data = resp.json()
    assert data["unit"] == "06041" and data["period"] == "2025-10"
    numbers = [t["number"] for t in data["items"]]
    assert numbers == [str(i) for i in range(1, len(numbers) + 1)] and numbers
    assert {t["label"] for t in data["items"]} <= {"đã thực hiện", "đang thực hiện", "chưa đề cập"}
    assert sum(data["summary"].values()) == len(numbers)
    reported = [t for t in data["items"] if t["status"] != "not_mentioned"]
    assert reported and all(t["evidence"]["paragraph"] and t["next_report"] for t in reported)


def test_the_province_reviewer_sees_a_wards_tasks(api: Any, two_months: PlannedTask) -> None:
    assert api.get("/tasks", "bob", unit="06041", period="2025-10").status_code == 200
    assert api.get(f"/tasks/{two_months.pk}", "victor").status_code == 200


def test_outsider_gets_404_for_the_list_and_for_a_task_by_id(api: Any, two_months: PlannedTask) -> None:
    assert api.get("/tasks", "charlie", unit="06041", period="2025-10").status_code == 404
    assert api.get(f"/tasks/{two_months.pk}", "charlie").status_code == 404
    resp = api.post(f"/tasks/{two_months.pk}/status", "charlie", json={"status": "done"})
    assert resp.status_code == 404
    assert not TaskDecision.objects.exists()


def test_without_a_token_the_answer_is_401(api: Any, two_months: PlannedTask) -> None:
    assert api.get("/tasks", None, unit="06041", period="2025-10").status_code == 401


def test_viewer_cannot_correct_a_status(api: Any, two_months: PlannedTask) -> None:
    resp = api.post(f"/tasks/{two_months.pk}/status", "victor", json={"status": "done"})
    assert resp.status_code == 403
    assert "biên tập" in resp.json()["detail"]
    assert not TaskDecision.objects.exists()


def test_editor_corrects_and_the_list_shows_it(api: Any, two_months: PlannedTask) -> None:
    before = api.get(f"/tasks/{two_months.pk}", "alice").json()
    new = "not_mentioned" if before["status"] != "not_mentioned" else "done"
    resp = api.post(f"/tasks/{two_months.pk}/status", "alice",
                    json={"status": new, "note": "Kết quả ghi ở báo cáo chuyên đề."})
    assert resp.status_code == 200, resp.content
    data = resp.json()
    assert data["status"] == new and data["confirmed"] and data["corrected"] and data["decided_by"] == "alice"
    assert [h["action"] for h in data["history"]] == ["task.correct"]
    listed = api.get("/tasks", "bob", unit="06041", period="2025-10").json()["items"]
    assert next(t for t in listed if t["id"] == two_months.pk)["status"] == new
    undone = api.client.delete(f"/api/v1/tasks/{two_months.pk}/status", **api.headers("alice"))
    assert undone.status_code == 200 and undone.json()["status"] == before["status"]
    assert not undone.json()["confirmed"]


def test_a_wrong_status_is_a_400(api: Any, two_months: PlannedTask) -> None:
    resp = api.post(f"/tasks/{two_months.pk}/status", "bob", json={"status": "xong"})
    assert resp.status_code == 400 and "không hợp lệ" in resp.json()["detail"]


def test_unknown_unit_is_404_a_period_without_tasks_is_empty_a_bad_period_400(api: Any,
                                                                                two_months: PlannedTask) -> None:
    assert api.get("/tasks", "bob", unit="99999", period="2025-10").status_code == 404
    empty = api.get("/tasks", "bob", unit="06041", period="2019-01")
    assert empty.status_code == 200 and empty.json()["items"] == []
    assert api.get("/tasks", "bob", unit="06041", period="tháng mười").status_code == 400


def test_tasks_of_a_period_without_any_report_yet(api: Any, two_months: PlannedTask) -> None:
    data = api.get("/tasks", "alice", unit="06041", period="2025-11").json()  # planned in October's report
    assert data["items"] and {t["status"] for t in data["items"]} == {None}
    assert data["summary"] == {"no_report": len(data["items"])}
    assert {t["label"] for t in data["items"]} == {"chưa có báo cáo kỳ sau"}
