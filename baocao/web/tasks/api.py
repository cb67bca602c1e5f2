"""API: planned tasks of a unit and period with their status; confirm or correct a status.

`GET /tasks?unit=&period=` lists what `baocao tasks UNIT PERIOD` prints; `GET /tasks/{id}` one
task with the matcher's other candidate sentences and its history; `POST /tasks/{id}/status`
confirms or corrects (editor and up, on a unit the user sees; 404 outside, 403 for viewers);
`DELETE /tasks/{id}/status` goes back to the matcher's own result.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from baocao.web.accounts import access
from baocao.web.apiutil import user_of, visible_unit
from baocao.web.audit.services import history
from baocao.web.periods.services import core_period, data_window
from baocao.web.tasks import services
from baocao.web.tasks.models import PlannedTask

router = Router()


class EvidenceOut(Schema):
    paragraph: str
    text: str
    section: str = ""


class TaskOut(Schema):
    id: int
    number: str
    number_printed: bool
    kind: str
    text: str
    sector: str
    heading: str
    responsible: list[str]
    meetings: list[dict[str, Any]]
    unit: str
    unit_name: str
    period: str
    source_report: int
    source_period: str
    source_doc_type: str
    paragraph: str
    key: str
    status: str | None
    label: str
    confidence: float | None
    evidence: EvidenceOut | None
    cue: str
    confirmed: bool
    corrected: bool
    decided_by: str | None
    decided_at: str | None
    note: str
    next_report: int | None
    next_version: int | None


class LateUnitOut(Schema):
    name: str
    kind: str
    topic: str
    sentence: str
    paragraph: str


class TaskList(Schema):
    unit: str
    unit_name: str
    period: str
    summary: dict[str, int]
    items: list[TaskOut]
    late_units: list[LateUnitOut]


class TaskDetail(TaskOut):
    alternatives: list[dict[str, Any]]
    history: list[dict[str, Any]]


class DecisionIn(Schema):
    status: str
    evidence_paragraph: str | None = None
    evidence_text: str | None = None
    note: str = ""


def _task(request: HttpRequest, task_id: int) -> PlannedTask:
    return access.get_visible(services.tasks_queryset(), user_of(request), pk=task_id)


def _detail(task: PlannedTask) -> dict[str, Any]:
    fresh = services.tasks_queryset().get(pk=task.pk)
    data = services.view_of(fresh).to_dict()
    data["history"] = [{"at": e.at.isoformat(), "by": e.actor_label, "action": e.action, "old": e.old, "new": e.new,
                        "reason": e.reason} for e in history(fresh)]
    return data


@router.get("", response=TaskList, summary="Nhiệm vụ trọng tâm của một đơn vị cho một kỳ, với kết quả thực hiện")
def list_tasks(request: HttpRequest, unit: str, period: str, kind: str = "task"):
    code = core_period(period).code  # 400 when malformed; a period with no report yet is fine
    u = visible_unit(request, unit, data_window(core_period(code))[1])
    views = services.tasks_for(u, code, kind=None if kind == "all" else kind)
    late = services.late_units_for(u, code)
    return {"unit": u.code, "unit_name": u.full_name, "period": code, "summary": services.summary(views),
            "items": [v.to_dict() for v in views],
            "late_units": [{"name": x.name, "kind": x.kind, "topic": x.topic, "sentence": x.sentence,
                            "paragraph": x.paragraph} for x in late]}


@router.get("/{int:task_id}", response=TaskDetail, summary="Một nhiệm vụ: kết quả, câu dẫn chứng khác, lịch sử")
def task_detail(request: HttpRequest, task_id: int):
    return _detail(_task(request, task_id))


@router.post("/{int:task_id}/status", response=TaskDetail,
             summary="Xác nhận hoặc sửa kết quả (done, in_progress, not_mentioned)")
def task_status(request: HttpRequest, task_id: int, payload: DecisionIn):
    user = user_of(request)
    task = _task(request, task_id)
    services.require_decide(user, task.unit)
    services.decide(task, payload.status, user, evidence_paragraph=payload.evidence_paragraph,
                    evidence_text=payload.evidence_text, note=payload.note)
    return _detail(task)


@router.delete("/{int:task_id}/status", response=TaskDetail, summary="Bỏ xác nhận: trở lại kết quả tự động")
def task_status_undo(request: HttpRequest, task_id: int, note: str = ""):
    user = user_of(request)
    task = _task(request, task_id)
    services.require_decide(user, task.unit)
    services.undo_decision(task, user, note)
    return _detail(task)
