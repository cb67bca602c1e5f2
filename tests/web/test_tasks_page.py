"""The tasks page: tasks of a unit and period with their status and evidence linked into the
report, a form for editors, none for viewers, 404 for outsiders; a correction through the form."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from baocao.web.tasks.models import PlannedTask, TaskDecision
from tests.web.conftest import unit
from tests.web.test_tasks_store import put

pytestmark = pytest.mark.django_db


def client_for(name: str) -> Client:
    from django.contrib.auth import get_user_model

    c = Client()
    c.force_login(get_user_model().objects.get(username=name))
    return c


@pytest.fixture
def october(world: dict) -> Any:
    put(9)
    put(10)
    return unit("06041")


def test_the_page_lists_the_tasks_numbered_with_status_and_evidence_links(october: Any) -> None:
    resp = client_for("alice").get("/nhiem-vu-trong-tam/", {"unit": october.pk, "period": "2025-10"})
    assert resp.status_code == 200
    html = resp.content.decode()
    tasks = PlannedTask.objects.filter(unit=october, period_code="2025-10").select_related("match")
    for t in tasks:
        assert f'id="task-{t.pk}"' in html and f"{t.number}." in html
        if t.match.evidence_paragraph:
            assert f"?v={t.match.version.number}#{t.match.evidence_paragraph}" in html
    assert "Nhiệm vụ trọng tâm tháng 10/2025 — phường Tam Thanh" in html
    assert any(label in html for label in ("đã thực hiện", "đang thực hiện", "chưa đề cập"))
    assert 'action="/nhiem-vu-trong-tam/' in html  # alice edits her ward


def test_the_default_is_the_users_unit_and_latest_answered_period(october: Any) -> None:
    resp = client_for("alice").get("/nhiem-vu-trong-tam/")
    assert resp.status_code == 200
    assert resp.context["unit"].pk == october.pk and resp.context["period"] == "2025-10"


def test_a_viewer_sees_the_tasks_without_the_form(october: Any) -> None:
    resp = client_for("victor").get("/nhiem-vu-trong-tam/", {"unit": october.pk, "period": "2025-10"})
    assert resp.status_code == 200
    assert 'class="decide"' not in resp.content.decode()


def test_an_outsider_gets_404(october: Any) -> None:
    assert client_for("charlie").get("/nhiem-vu-trong-tam/", {"unit": october.pk}).status_code == 404


def test_an_editor_corrects_a_status_through_the_form(october: Any) -> None:
    task = PlannedTask.objects.filter(unit=october, period_code="2025-10").order_by("position").first()
    new = "not_mentioned" if task.match.status != "not_mentioned" else "done"
    resp = client_for("alice").post(f"/nhiem-vu-trong-tam/{task.pk}/trang-thai/",
                                    {"status": new, "note": "Đã kiểm tra lại.", "unit": october.pk})
    assert resp.status_code == 302 and resp["Location"].endswith(f"period=2025-10#task-{task.pk}")
    decision = TaskDecision.objects.get(task=task)
    assert (decision.status, decision.note, decision.decided_by_label) == (new, "Đã kiểm tra lại.", "alice")
    page = client_for("alice").get(resp["Location"]).content.decode()
    assert "đã sửa" in page and "Đã kiểm tra lại." in page


def test_a_viewer_cannot_post_a_status_and_an_outsider_gets_404(october: Any) -> None:
    task = PlannedTask.objects.filter(unit=october, period_code="2025-10").first()
    assert client_for("victor").post(f"/nhiem-vu-trong-tam/{task.pk}/trang-thai/",
                                     {"status": "done"}).status_code == 403
    assert client_for("charlie").post(f"/nhiem-vu-trong-tam/{task.pk}/trang-thai/",
                                      {"status": "done"}).status_code == 404
    assert not TaskDecision.objects.exists()


def test_the_navigation_links_to_the_tasks_page(october: Any) -> None:
    html = client_for("victor").get("/nhiem-vu-trong-tam/").content.decode()
    assert 'href="/nhiem-vu-trong-tam/"' in html


def test_the_page_is_available_in_english(october: Any) -> None:
    from django.conf import settings

    c = client_for("alice")
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = c.get("/nhiem-vu-trong-tam/", {"unit": october.pk, "period": "2025-10"}).content.decode()
    assert 'lang="en"' in html and "Confirm / correct" in html and "see in the report" in html
    assert any(f">{label}<" in html for label in ("done", "in progress", "not mentioned"))
    assert "Xác nhận / sửa" not in html


def test_the_english_catalogues_of_tasks_and_drafts_are_complete_and_compiled(tmp_path: Any) -> None:
    import shutil
    import subprocess
    from pathlib import Path

    for app in ("tasks", "drafting"):
        folder = Path(__file__).resolve().parents[2] / "baocao" / "web" / app / "locale" / "en" / "LC_MESSAGES"
        po = (folder / "django.po").read_text(encoding="utf-8")
        entries = po.split("\n\nmsgid ")[1:]
        assert entries and not [e for e in entries if e.rstrip().endswith('msgstr ""')], app
        if shutil.which("msgfmt"):  # the committed .mo is the compiled .po
            subprocess.run(["msgfmt", "-o", str(tmp_path / f"{app}.mo"), str(folder / "django.po")], check=True)
            assert (tmp_path / f"{app}.mo").read_bytes() == (folder / "django.mo").read_bytes(), app
