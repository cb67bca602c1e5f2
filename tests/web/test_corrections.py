"""Reviewer corrections keep the reported value visible; every change is in the audit trail."""

from __future__ import annotations

import pytest

from baocao.errors import InputError
from baocao.web.audit.models import AuditEntry
from baocao.web.findings.models import Finding
from baocao.web.findings.services import change_state
from baocao.web.indicators.models import Fact, IndicatorValue
from baocao.web.indicators.services import correct_value, set_fact_status, value_history
from baocao.web.reports.ingest import set_status
from tests.web.conftest import fact, finding, store, unit, user

pytestmark = pytest.mark.django_db


def test_a_correction_keeps_the_original_and_says_who_when_why(world: dict) -> None:
    store("06041", "2025-11", (fact("f1", "docs.incoming", 120),))
    v = IndicatorValue.objects.get(indicator__code="docs.incoming")
    correct_value(v, 102, "Báo cáo gõ nhầm 120 thay vì 102 (đối chiếu sổ văn thư).", user("bob"))
    v.refresh_from_db()
    assert (v.value, v.reported_value, v.corrected, v.corrected_by.username) == (102, 120, True, "bob")
    entry = AuditEntry.objects.get(action="value.correct")
    assert (entry.actor_label, entry.old["value"], entry.new["value"]) == ("bob", 120, 102)
    assert "sổ văn thư" in entry.reason and entry.unit_id == unit("06041").pk
    assert [e.action for e in value_history(v)["audit"]] == ["value.correct"]


def test_a_correction_needs_a_reason(world: dict) -> None:
    store("06041", "2025-11", (fact("f1", "docs.incoming", 120),))
    v = IndicatorValue.objects.get(indicator__code="docs.incoming")
    with pytest.raises(InputError):
        correct_value(v, 1, "  ", user("bob"))
    assert IndicatorValue.objects.get(pk=v.pk).value == 120


def test_rejecting_a_fact_withdraws_its_value_and_accepting_one_adds_it(world: dict) -> None:
    store("06041", "2025-11", (fact("f1", "docs.incoming", 120), fact("f2", "citizens.visits", 4, confidence=0.1)))
    set_fact_status(Fact.objects.get(fact_id="f1"), "rejected", "đây là số của năm trước", user("bob"))
    assert not IndicatorValue.objects.filter(indicator__code="docs.incoming").exists()
    set_fact_status(Fact.objects.get(fact_id="f2"), "accepted", "", user("bob"))
    assert IndicatorValue.objects.get(indicator__code="citizens.visits").value == 4
    actions = list(AuditEntry.objects.filter(action__in=["fact.status", "value.withdraw"])
                   .values_list("action", flat=True).order_by("id"))
    assert actions == ["fact.status", "value.withdraw", "fact.status"]


def test_finding_states_open_fixed_accepted_with_a_comment(world: dict) -> None:
    store("06041", "2025-11", findings=(finding(),))
    f = Finding.objects.get()
    with pytest.raises(InputError):
        change_state(f, "accepted", "", user("bob"))
    change_state(f, "accepted", "Số liệu đúng, phần còn lại ở chú thích.", user("bob"))
    f.refresh_from_db()
    assert (f.state, f.state_changed_by.username) == ("accepted", "bob")
    with pytest.raises(InputError):
        change_state(f, "closed", "", user("bob"))
    entry = AuditEntry.objects.get(action="finding.state")
    assert (entry.old["state"], entry.new["state"]) == ("open", "accepted")


def test_report_status_changes_are_audited(world: dict) -> None:
    r = store("06041", "2025-11", status="draft")
    set_status(r.report, "submitted", user("alice"))
    set_status(r.report, "reviewed", user("bob"), "Đã đối chiếu.")
    r.report.refresh_from_db()
    assert r.report.status == "reviewed" and r.report.reviewed_by.username == "bob"
    assert r.report.submitted_at is not None
    steps = [(e.old["status"], e.new["status"]) for e in AuditEntry.objects.filter(action="report.status")
             .order_by("id")]
    assert steps == [("draft", "submitted"), ("submitted", "reviewed")]
