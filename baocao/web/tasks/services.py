"""Planned tasks in the store: kept from every report version, matched into the next report.

`on_new_version(version, document, prepared)` is the one call ingest makes after a report
version is stored (inside its transaction). It
1. extracts the planned tasks of the version (`baocao.tasks.extract_tasks`) and updates the
   report's `PlannedTask` rows in place by their key, so ids, decisions and links survive;
2. replaces the report's `LateUnit` records (`baocao.tasks.follow_up`);
3. matches the report's tasks into the next period's report of the same unit, when it is
   already stored (reports may arrive in any order);
4. matches the tasks planned *for* this report's period — by the unit, or by the units it was
   formed from — into this report.

People's decisions (`TaskDecision`) are handed to the core matcher as `Override`s, so a
confirmed or corrected status comes back as it is after every re-match.

What depends on the document alone — its tasks, late units and, for a report, the matcher's
candidate sentences — comes `prepared` (`baocao.tasks.prepare`) when a batch worker computed it;
otherwise it is computed here, with the same results. Candidate sentences of a report matched
into are computed once per call (`Target`), however many groups of tasks are matched into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from baocao.errors import InputError
from baocao.parse.model import Document
from baocao.tasks import extract_tasks, follow_up, match_tasks
from baocao.tasks.match import Candidate
from baocao.tasks.model import STATUS_LABELS, Evidence, Meeting, Override
from baocao.tasks.model import LateUnit as CoreLateUnit
from baocao.tasks.model import PlannedTask as CoreTask
from baocao.tasks.model import TaskStatus as CoreStatus
from baocao.tasks.prepare import Prepared, report_candidates
from baocao.text.periods import next_period
from baocao.web.accounts import access
from baocao.web.accounts.models import ROLE_RANK, ROLES
from baocao.web.audit.services import record
from baocao.web.periods.services import as_core, core_period, data_window
from baocao.web.reports.models import Report, ReportVersion
from baocao.web.tasks.documents import document_from_dict
from baocao.web.tasks.models import LateUnit, PlannedTask, TaskDecision, TaskMatch
from baocao.web.units.models import Lineage, Unit

LABELS = dict(STATUS_LABELS)
NO_REPORT_LABEL = "chưa có báo cáo kỳ sau"
DECIDE_ROLE = "editor"  # the office staff who compile the report know what was done


# -- 1. tasks of a version ---------------------------------------------------------------------

def _planned_period(task: CoreTask, report: Report) -> str:
    """The canonical code of the period a task is planned for (the core's, else the next period's)."""
    if task.period:
        try:
            return core_period(task.period).code
        except InputError:
            pass
    if report.doc_type == "work_programme":
        return report.period.code
    return next_period(as_core(report.period)).code


def _first_date(meetings: Sequence[Meeting]) -> date | None:
    for m in meetings:
        for text in m.dates:
            try:
                return date.fromisoformat(text)
            except ValueError:
                continue
    return None


_TASK_FIELDS = ("unit", "period_code", "period_end", "source_version", "position", "number", "number_printed", "kind",
                "text", "sector", "heading", "paragraph", "paragraphs", "responsible", "meetings", "meeting_kind",
                "meeting_date")


def store_tasks(version: ReportVersion, document: Document, tasks: Sequence[CoreTask] | None = None,
                fresh: bool = False) -> list[PlannedTask]:
    """The version's planned tasks (`tasks`, else extracted from `document`) as rows of its report:
    updated by key, new ones added, gone ones removed (`fresh`: the report has no rows yet)."""
    report = version.report
    existing = {} if fresh else {t.key: t for t in PlannedTask.objects.filter(source_report=report)}
    ends: dict[str, date] = {}
    kept: list[PlannedTask] = []
    keys: set[str] = set()
    now = timezone.now()
    for position, task in enumerate(extract_tasks(document) if tasks is None else tasks):
        code = _planned_period(task, report)
        if code not in ends:
            ends[code] = data_window(core_period(code))[1]
        key = f"{code}:{task.kind}:{task.number}"
        if key in keys:  # the same number twice in one list: keep the first
            continue
        keys.add(key)
        fields = dict(
            unit=report.unit, period_code=code, period_end=ends[code], source_version=version, position=position,
            number=task.number[:20], number_printed=task.number_printed, kind=task.kind, text=task.text,
            sector=task.sector[:40], heading=task.heading[:300], paragraph=task.paragraph[:40],
            paragraphs=list(task.paragraphs), responsible=list(task.units),
            meetings=[{"kind": m.kind, "dates": list(m.dates), "date_text": m.date_text,
                       "recurrence": m.recurrence, "note": m.note} for m in task.meetings],
            meeting_kind=(task.meetings[0].kind if task.meetings else "")[:300],
            meeting_date=_first_date(task.meetings),
        )
        row = existing.pop(key, None)
        if row is None:
            row = PlannedTask(source_report=report, key=key, **fields)
        else:
            for name, value in fields.items():
                setattr(row, name, value)
            row.updated_at = now  # bulk_update does not touch auto_now fields
        kept.append(row)
    if existing:
        PlannedTask.objects.filter(pk__in=[t.pk for t in existing.values()]).delete()
    new = [r for r in kept if r.pk is None]
    old = [r for r in kept if r.pk is not None]
    if old:
        PlannedTask.objects.bulk_update(old, [*_TASK_FIELDS, "updated_at"])
    if new:
        PlannedTask.objects.bulk_create(new)  # ids come back on SQLite and PostgreSQL
    return kept


def store_late_units(version: ReportVersion, document: Document, late_units: Sequence[CoreLateUnit] | None = None,
                     fresh: bool = False) -> list[LateUnit]:
    """The version's late units (`late_units`, else read from `document`) replace its report's
    (`fresh`: the report has none yet)."""
    report = version.report
    if not fresh:
        LateUnit.objects.filter(report=report).delete()
    rows = [LateUnit(unit=report.unit, period=report.period, report=report, version=version, name=late.unit[:300],
                     kind=late.kind if late.kind in ("directive", "report") else "directive", topic=late.topic,
                     sentence=late.sentence, paragraph=late.paragraph[:40])
            for late in (follow_up(document) if late_units is None else late_units)]
    return LateUnit.objects.bulk_create(rows) if rows else []


# -- 2. matching -------------------------------------------------------------------------------

def core_task(row: PlannedTask) -> CoreTask:
    return CoreTask(
        number=row.number, text=row.text, sector=row.sector, period=row.period_code, paragraph=row.paragraph,
        kind=row.kind, number_printed=row.number_printed, paragraphs=tuple(row.paragraphs), heading=row.heading,
        units=tuple(row.responsible),
        meetings=tuple(Meeting(kind=m.get("kind", ""), dates=tuple(m.get("dates") or ()),
                               date_text=m.get("date_text", ""), recurrence=m.get("recurrence"),
                               note=m.get("note", "")) for m in row.meetings),
    )


def override_of(decision: TaskDecision) -> Override:
    evidence = None
    if decision.evidence_text or decision.evidence_paragraph:
        evidence = Evidence(paragraph=decision.evidence_paragraph, text=decision.evidence_text)
    return Override(task_key=_core_key(decision.task), status=decision.status, evidence=evidence,
                    note=decision.note)


def _core_key(row: PlannedTask) -> str:
    return core_task(row).key


def successor_in(unit: Unit, day: date) -> Unit | None:
    """The unit that took over `unit` (the largest share) and exists on `day`."""
    links = Lineage.objects.filter(predecessor=unit).select_related("unit").order_by("-share", "unit__code")
    for link in links:
        if link.unit.valid_on(day):
            return link.unit
    return None


def next_report(unit: Unit, period_code: str, period_end: date, at_hand: Report | None = None) -> Report | None:
    """The periodic report of `unit` for the period — or, when the unit was merged away by then, of its successor.
    `at_hand`: a stored report the caller holds (the one just ingested), taken without a query when it is the one."""
    candidates = [unit]
    if not unit.valid_on(period_end):
        successor = successor_in(unit, period_end)
        if successor is not None:
            candidates.append(successor)
    for candidate in candidates:
        if (at_hand is not None and at_hand.unit_id == candidate.pk and at_hand.doc_type == "report"
                and at_hand.current_id is not None and at_hand.period.code == period_code):
            return at_hand  # (unit, period, doc_type) is unique: the query would find this one
        # the version's document JSON is read only when it is not at hand (`_target`)
        found = (Report.objects.filter(unit=candidate, period__code=period_code, doc_type="report",
                                       current__isnull=False).select_related("current")
                 .defer("current__document").first())
        if found is not None:
            return found
    return None


@dataclass
class Target:
    """A report version tasks are matched into: its document and the matcher's candidate sentences."""

    document: Document
    candidates: tuple[Candidate, ...] | None = None  # computed the first time they are needed

    def cands(self) -> tuple[Candidate, ...]:
        if self.candidates is None:
            self.candidates = report_candidates(self.document)
        return self.candidates


Known = dict[int, Target]  # version id → Target, for one ingest (documents are read once)


def _target(version: ReportVersion, known: Known) -> Target:
    if version.pk not in known:
        known[version.pk] = Target(document_from_dict(version.document))  # one query when deferred
    return known[version.pk]


def match_group(rows: Sequence[PlannedTask], known: Known | None = None, new: bool = False,
                at_hand: Report | None = None) -> int:
    """Match tasks of one source report and one period into the next report; returns how many matched.
    `new`: the rows were just created, so no match or decision refers to them yet; `at_hand`: see `next_report`."""
    rows = [r for r in rows if r.kind == "task"]
    if not rows:
        return 0
    known = known if known is not None else {}
    target = next_report(rows[0].unit, rows[0].period_code, rows[0].period_end, at_hand)
    if target is None or target.current is None:
        if not new:
            TaskMatch.objects.filter(task__in=rows).delete()
        return 0
    version = target.current
    into = _target(version, known)
    decisions = ({} if new else
                 {d.task_id: d for d in TaskDecision.objects.filter(task__in=rows).select_related("task")})
    overrides = {_core_key(d.task): override_of(d) for d in decisions.values()}
    statuses = match_tasks([core_task(r) for r in rows], into.document, overrides, cands=into.cands())
    by_key = {_core_key(r): r for r in rows}
    matches = [_match_row(by_key[st.task.key], target, version, st) for st in statuses if st.task.key in by_key]
    if not new:
        TaskMatch.objects.filter(task__in=rows).delete()  # one delete and one insert, not a query per task
    TaskMatch.objects.bulk_create(matches)
    return len(matches)


def _match_row(row: PlannedTask, report: Report, version: ReportVersion, st: CoreStatus) -> TaskMatch:
    ev = st.evidence
    return TaskMatch(
        task=row, report=report, version=version, status=st.status, confidence=round(float(st.confidence), 3),
        evidence_paragraph=(ev.paragraph if ev else "")[:40], evidence_text=ev.text if ev else "",
        evidence_section=(ev.section if ev else "")[:300], evidence_score=round(float(ev.score), 3) if ev else 0.0,
        cue=st.cue[:200], source="confirmed" if st.source == "confirmed" else "auto",
        alternatives=[{"paragraph": a.paragraph, "text": a.text, "section": a.section, "score": round(a.score, 3)}
                      for a in st.alternatives],
    )


def _groups(rows: Iterable[PlannedTask]) -> list[list[PlannedTask]]:
    groups: dict[tuple[int, str], list[PlannedTask]] = {}
    for row in rows:
        groups.setdefault((row.source_report_id, row.period_code), []).append(row)
    return [sorted(g, key=lambda r: r.position) for g in groups.values()]


def rematch_source(report: Report, known: Known | None = None, rows: Sequence[PlannedTask] | None = None,
                   new: bool = False) -> int:
    """Match every task a report planned (`rows` when the caller has them at hand; `new`: just
    created) into the next period's report."""
    if rows is None:
        rows = list(PlannedTask.objects.filter(source_report=report).select_related("unit"))
    return sum(match_group(g, known, new) for g in _groups(rows))


def planners_of(unit: Unit) -> list[Unit]:
    """`unit` and the units it was formed from: whose plans this unit's report answers."""
    out = [unit]
    frontier = [unit]
    seen = {unit.pk}
    while frontier:  # one query per generation of predecessors
        links = Lineage.objects.filter(unit__in=frontier).select_related("predecessor").order_by("unit_id", "pk")
        frontier = []
        for link in links:
            if link.predecessor_id not in seen:
                seen.add(link.predecessor_id)
                out.append(link.predecessor)
                frontier.append(link.predecessor)
    return out


def rematch_target(report: Report, known: Known | None = None) -> int:
    """Match the tasks planned for the report's period (by its unit or its predecessors) into it."""
    if report.doc_type != "report":
        return 0
    rows = (PlannedTask.objects.filter(period_code=report.period.code, unit__in=planners_of(report.unit), kind="task")
            .exclude(source_report=report).select_related("unit"))
    return sum(match_group(g, known, at_hand=report) for g in _groups(rows))


def on_new_version(version: ReportVersion, document: Document, prepared: Prepared | None = None) -> None:
    """Ingest's hook: tasks, late units and matches of a newly stored report version (what depends
    on the document alone taken from `prepared` when given)."""
    known: Known = {version.pk: Target(document, prepared.candidates if prepared else None)}
    # a report's first version (rows of earlier versions go with them): no task, late unit, match or
    # decision of the report exists yet, so there is nothing to look up or delete
    fresh = version.number == 1
    rows = store_tasks(version, document, prepared.tasks if prepared else None, fresh=fresh)
    store_late_units(version, document, prepared.late_units if prepared else None, fresh=fresh)
    rematch_source(version.report, known, rows, new=fresh)
    rematch_target(version.report, known)


# -- 3. people's decisions ---------------------------------------------------------------------

def can_decide(user: Any, unit: Unit) -> bool:
    role = access.role_of(user)
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[DECIDE_ROLE] and access.can_see(user, unit)


def require_decide(user: Any, unit: Unit) -> None:
    """404 outside the user's units, 403 for a role below editor (as `access.require`)."""
    from django.http import Http404

    if not access.can_see(user, unit):
        raise Http404("Không tìm thấy.")
    if not can_decide(user, unit):
        raise access.Denied(f"Vai trò của bạn không được phép xác nhận kết quả nhiệm vụ (cần vai trò "
                            f"«{dict(ROLES)[DECIDE_ROLE]}» trở lên).")


@transaction.atomic
def decide(task: PlannedTask, status: str, actor: Any, *, evidence_paragraph: str | None = None,
           evidence_text: str | None = None, note: str = "") -> TaskDecision:
    """Confirm (same status) or correct (another status) what the next report says about a task.

    The evidence defaults to the matcher's sentence when the status is not "not mentioned"."""
    if status not in LABELS:
        raise InputError(f"Tình trạng «{status}» không hợp lệ (done, in_progress hoặc not_mentioned).")
    match = TaskMatch.objects.filter(task=task).first()
    previous = TaskDecision.objects.filter(task=task).first()
    suggested = previous.suggested_status if previous else (match.status if match else "")
    if evidence_paragraph is None and evidence_text is None and status != "not_mentioned":
        if previous is not None and previous.status == status:
            evidence_paragraph, evidence_text = previous.evidence_paragraph, previous.evidence_text
        elif match is not None and match.evidence_text:
            evidence_paragraph, evidence_text = match.evidence_paragraph, match.evidence_text
    if status == "not_mentioned" and evidence_paragraph is None and evidence_text is None:
        evidence_paragraph = evidence_text = ""
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = actor.get_username() if user is not None else str(actor or "system")
    old = ({"status": previous.status, "by": previous.decided_by_label, "note": previous.note} if previous
           else {"status": match.status if match else None, "source": "auto"})
    decision, _ = TaskDecision.objects.update_or_create(task=task, defaults=dict(
        status=status, evidence_paragraph=(evidence_paragraph or "")[:40], evidence_text=evidence_text or "",
        suggested_status=suggested, note=note.strip(), decided_by=user, decided_by_label=label[:150]))
    action = "task.confirm" if status == suggested else "task.correct"
    record(actor, action, task, old=old, new={"status": status, "evidence": decision.evidence_paragraph,
                                              "suggested": suggested}, reason=note.strip(), unit=task.unit)
    _rematch_task(task)
    return decision


@transaction.atomic
def undo_decision(task: PlannedTask, actor: Any, note: str = "") -> None:
    """Back to the matcher's own result."""
    decision = TaskDecision.objects.filter(task=task).first()
    if decision is None:
        return
    record(actor, "task.undo", task, old={"status": decision.status, "by": decision.decided_by_label}, new=None,
           reason=note.strip(), unit=task.unit)
    decision.delete()
    _rematch_task(task)


def _rematch_task(task: PlannedTask) -> None:
    """Re-match the task's group so the decision shows through the core matcher."""
    match_group(list(PlannedTask.objects.filter(source_report=task.source_report, period_code=task.period_code)
                     .select_related("unit").order_by("position")))


# -- 4. reading ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TaskView:
    """One planned task with its outcome, as the CLI, the API and the page show it."""

    task: PlannedTask
    status: str | None  # None: the next report is not in the store yet
    label: str
    confidence: float | None = None
    evidence_paragraph: str = ""
    evidence_text: str = ""
    evidence_section: str = ""
    cue: str = ""
    confirmed: bool = False
    corrected: bool = False
    decision: TaskDecision | None = None
    match: TaskMatch | None = None
    alternatives: tuple[dict[str, Any], ...] = field(default=())

    @property
    def next_report_id(self) -> int | None:
        return self.match.report_id if self.match else None

    def to_dict(self) -> dict[str, Any]:
        t = self.task
        return {
            "id": t.pk, "number": t.number, "number_printed": t.number_printed, "kind": t.kind, "text": t.text,
            "sector": t.sector, "heading": t.heading, "responsible": list(t.responsible), "meetings": t.meetings,
            "unit": t.unit.code, "unit_name": t.unit.full_name, "period": t.period_code,
            "source_report": t.source_report_id, "source_period": t.source_report.period.code,
            "source_doc_type": t.source_report.doc_type, "paragraph": t.paragraph, "key": t.key,
            "status": self.status, "label": self.label, "confidence": self.confidence,
            "evidence": ({"paragraph": self.evidence_paragraph, "text": self.evidence_text,
                          "section": self.evidence_section} if self.evidence_text or self.evidence_paragraph
                         else None),
            "cue": self.cue, "confirmed": self.confirmed, "corrected": self.corrected,
            "decided_by": self.decision.decided_by_label if self.decision else None,
            "decided_at": self.decision.decided_at.isoformat() if self.decision else None,
            "note": self.decision.note if self.decision else "",
            "next_report": self.next_report_id,
            "next_version": self.match.version.number if self.match else None,
            "alternatives": list(self.alternatives),
        }


def view_of(task: PlannedTask) -> TaskView:
    match = getattr(task, "match", None) if _has(task, "match") else None
    decision = getattr(task, "decision", None) if _has(task, "decision") else None
    if match is not None:
        return TaskView(task, match.status, LABELS[match.status], match.confidence, match.evidence_paragraph,
                        match.evidence_text, match.evidence_section, match.cue, match.source == "confirmed",
                        bool(decision and decision.corrected), decision, match, tuple(match.alternatives))
    if decision is not None:
        return TaskView(task, decision.status, LABELS[decision.status], 1.0, decision.evidence_paragraph,
                        decision.evidence_text, confirmed=True, corrected=decision.corrected, decision=decision)
    return TaskView(task, None, NO_REPORT_LABEL)


def _has(task: PlannedTask, name: str) -> bool:
    try:
        getattr(task, name)
    except (TaskMatch.DoesNotExist, TaskDecision.DoesNotExist):
        return False
    return True


def tasks_queryset() -> Any:
    return PlannedTask.objects.select_related("unit", "source_report__period", "match__version",
                                              "decision")


def tasks_for(unit: Unit, period_code: str, kind: str | None = "task") -> list[TaskView]:
    """The tasks planned for a period by `unit` (and by the units it was formed from), in report order."""
    qs = tasks_queryset().filter(period_code=period_code, unit__in=planners_of(unit))
    if kind:
        qs = qs.filter(kind=kind)
    rows = sorted(qs, key=lambda t: (t.source_report.doc_type != "report", t.unit_id != unit.pk, t.unit.code,
                                     t.source_report_id, t.position))
    return [view_of(t) for t in rows]


def late_units_for(unit: Unit, period_code: str) -> list[LateUnit]:
    return list(LateUnit.objects.filter(unit=unit, period__code=period_code).order_by("id"))


NO_REPORT = "no_report"  # the status key of tasks whose period has no report in the store yet
SUMMARY_LABELS = {**LABELS, NO_REPORT: NO_REPORT_LABEL}


def summary(views: Sequence[TaskView]) -> dict[str, int]:
    """How many tasks per status ("done", "in_progress", "not_mentioned", "no_report"), in that order."""
    out = dict.fromkeys(SUMMARY_LABELS, 0)
    for v in views:
        out[v.status or NO_REPORT] += 1
    return {k: n for k, n in out.items() if n}
