"""Planned tasks in the store: ingesting two consecutive reports of a unit gives its tasks and
their statuses; reports may arrive in any order; a correction survives a new version."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from baocao.config import Config
from baocao.pipeline import analyze_bytes
from baocao.synth import make_province, render_report
from baocao.synth.model import SynthReport
from baocao.synth.series import Series
from baocao.tasks import follow, follow_up
from baocao.web.audit.models import AuditEntry
from baocao.web.periods.models import Period
from baocao.web.reports.ingest import ingest
from baocao.web.tasks import services
from baocao.web.tasks.models import LateUnit, PlannedTask, TaskDecision, TaskMatch
from tests.web.conftest import unit, user

pytestmark = pytest.mark.django_db

SEED = 7


@cache
def _province() -> Any:
    province = make_province(4, SEED, districts=False)
    return province, Series(province)


@cache
def synth(month: int, code: str = "55501", year: int = 2025) -> SynthReport:
    """A synthetic monthly report (ward 55501 by default; 55001…55006 before 2025-07)."""
    province, series = _province()
    return render_report(province, code, year, month, SEED, series=series)


def put(month: int, unit_code: str = "06041", text: str | None = None, year: int = 2025, code: str = "55501",
        **kw: Any) -> Any:
    """Ingest a synthetic report as the report of a unit of the test world (06041 by default)."""
    body = text if text is not None else synth(month, code, year).text
    kw.setdefault("store_checks", False)  # outliers are not the subject; their seasonal cache outlives a test
    return ingest(body.encode("utf-8"), f"{unit_code}_{year}-{month:02d}.txt", unit_code=unit_code,
                  period_code=f"{year}-{month:02d}", status="submitted", **kw)


def statuses(period: str, code: str = "06041") -> dict[str, str | None]:
    return {v.task.number: v.status for v in services.tasks_for(unit(code), period)}


def test_a_report_gives_its_planned_tasks_numbered_as_printed(world: dict) -> None:
    put(9)
    rows = list(PlannedTask.objects.filter(unit=unit("06041")).order_by("position"))
    truth = synth(9).tasks
    assert [(t.number, t.period_code) for t in rows] == [(t.number, "2025-10") for t in truth]
    assert all(" ".join(t.text.split()) in " ".join(r.text.split()) or r.text in t.text
               for r, t in zip(rows, truth, strict=True))
    assert {r.sector for r in rows} - {""}  # sectors are kept
    assert not TaskMatch.objects.exists()  # no report for October yet
    assert set(statuses("2025-10").values()) == {None}
    assert not Period.objects.filter(code="2025-10").exists()  # stored periods are those holding reports


def test_the_next_report_gives_each_task_a_status_with_evidence(world: dict) -> None:
    put(9)
    put(10)
    views = services.tasks_for(unit("06041"), "2025-10")
    config = Config()
    core = follow(analyze_bytes(synth(9).text.encode(), "a.txt", config).document,
                  analyze_bytes(synth(10).text.encode(), "b.txt", config).document)
    assert [(v.task.number, v.status) for v in views] == [(s.task.number, s.status) for s in core]
    truth = {o.number: o.status for o in synth(10).task_outcomes}
    right = sum(v.status == truth[v.task.number] for v in views)
    assert right >= len(views) - 2, [(v.task.number, v.status, truth[v.task.number]) for v in views]
    for v in views:
        if v.status != "not_mentioned":
            assert v.evidence_paragraph and v.evidence_text and 0 < (v.confidence or 0) <= 1
            assert v.match is not None and v.match.report.period.code == "2025-10"


def test_reports_arriving_in_reverse_order_give_the_same_statuses(world: dict) -> None:
    put(10)
    put(9)
    first = statuses("2025-10")
    assert None not in first.values()
    assert first == {s.task.number: s.status for s in follow(
        analyze_bytes(synth(9).text.encode(), "a.txt", Config()).document,
        analyze_bytes(synth(10).text.encode(), "b.txt", Config()).document)}


def test_a_correction_survives_a_new_version_of_the_next_report(world: dict) -> None:
    put(9)
    put(10)
    task = PlannedTask.objects.get(unit=unit("06041"), period_code="2025-10", number="1")
    auto = TaskMatch.objects.get(task=task).status
    corrected = "not_mentioned" if auto != "not_mentioned" else "done"
    services.decide(task, corrected, user("alice"), note="Báo cáo nói về nhiệm vụ khác.")
    assert statuses("2025-10")["1"] == corrected
    ids_before = set(PlannedTask.objects.values_list("id", flat=True))
    put(10, text=synth(10).text + "\n\nBổ sung: số liệu đã được rà soát lại.\n")  # a new version
    assert set(PlannedTask.objects.values_list("id", flat=True)) == ids_before
    match = TaskMatch.objects.get(task=task)
    assert match.version.number == 2 and match.status == corrected and match.source == "confirmed"
    decision = TaskDecision.objects.get(task=task)
    assert decision.suggested_status == auto and decision.corrected
    entry = AuditEntry.objects.get(action="task.correct")
    assert entry.old["status"] == auto and entry.new["status"] == corrected and entry.actor_label == "alice"


def test_a_correction_survives_a_new_version_of_the_planning_report(world: dict) -> None:
    put(9)
    put(10)
    task = PlannedTask.objects.get(unit=unit("06041"), period_code="2025-10", number="2")
    services.decide(task, "done", user("bob"), evidence_paragraph="p3", evidence_text="Đã hoàn thành.")
    put(9, text=synth(9).text + "\n")  # the planning report again, as version 2
    again = PlannedTask.objects.get(pk=task.pk)
    assert again.source_version.number == 2
    match = TaskMatch.objects.get(task=again)
    assert (match.status, match.evidence_paragraph, match.source) == ("done", "p3", "confirmed")


def test_confirming_keeps_the_matchers_evidence_and_undo_returns_to_it(world: dict) -> None:
    put(9)
    put(10)
    task = PlannedTask.objects.filter(unit=unit("06041"), match__status="done").first()
    assert task is not None
    before = TaskMatch.objects.get(task=task)
    decision = services.decide(task, "done", user("alice"))
    assert not decision.corrected and decision.evidence_paragraph == before.evidence_paragraph
    assert AuditEntry.objects.filter(action="task.confirm").count() == 1
    assert TaskMatch.objects.get(task=task).confidence == 1.0
    services.undo_decision(task, user("alice"))
    assert not TaskDecision.objects.filter(task=task).exists()
    after = TaskMatch.objects.get(task=task)
    assert (after.source, after.confidence) == ("auto", before.confidence)


def test_a_wrong_status_is_refused(world: dict) -> None:
    from baocao.errors import InputError

    put(9)
    task = PlannedTask.objects.first()
    with pytest.raises(InputError):
        services.decide(task, "finished", user("alice"))


def test_tasks_planned_by_merged_units_are_followed_into_the_new_wards_report(world: dict) -> None:
    """Ward Tam Thanh (06041) was formed on 2025-07-01 from 06040 and 06058: the old ward's June
    report plans July; the new ward's July report answers."""
    june = synth(6, "55001")
    put(6, unit_code="06040", text=june.text)
    july = synth(7)
    put(7, text=july.text)
    views = services.tasks_for(unit("06041"), "2025-07")
    assert views and all(v.task.unit.code == "06040" for v in views)
    assert all(v.status is not None for v in views)
    assert all(v.match is not None and v.match.report.unit.code == "06041" for v in views)


def test_units_late_on_directives_become_records(world: dict) -> None:
    late_line = ("Các đơn vị còn nội dung chưa tham mưu giải quyết: Phòng Kinh tế, Hạ tầng và Đô thị; "
                 "Văn phòng HĐND và UBND.\n\n")
    text = re.sub(r"(?m)^(?=[IVX]+\. NHIỆM VỤ TRỌNG TÂM)", late_line, synth(9).text, count=1)
    assert late_line in text
    put(9, text=text)
    late = services.late_units_for(unit("06041"), "2025-09")
    names = [x.name for x in late]
    assert any("Kinh tế, Hạ tầng và Đô thị" in n for n in names), names
    assert all(x.kind == "directive" for x in late)
    put(9, text=synth(9).text)  # a new version without the added list: records follow the new version
    again = [x.name for x in LateUnit.objects.filter(unit=unit("06041"), period__code="2025-09")]
    assert not any("Kinh tế, Hạ tầng và Đô thị" in n for n in again)
    assert again == [x.unit for x in follow_up(analyze_bytes(synth(9).text.encode(), "a.txt", Config()).document)]
