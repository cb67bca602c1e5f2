"""Planned tasks: extraction from reports and work programmes, follow-up in the next report,
and units late on directives. Pure Python, no Django; the store calls these.

- `extract_tasks(document)` → `PlannedTask`s (tasks and scheduled meetings) of one document;
- `follow(previous, current, overrides)` → a `TaskStatus` per planned task of `previous`:
  done / in_progress / not_mentioned in `current`, with evidence and confidence; confirmed
  decisions (`Override`, keyed by `PlannedTask.key`) are returned as they are;
- `follow_up(document)` → `LateUnit` records (units late on assigned directives or reports);
- `prepare(document)` → `Prepared`: all the store needs of one document, computed once
  (in a batch's analysis workers).
"""

from __future__ import annotations

from collections.abc import Mapping

from baocao.parse.model import Document
from baocao.tasks.extract import extract_tasks
from baocao.tasks.followup import follow_up
from baocao.tasks.match import match_tasks
from baocao.tasks.model import Evidence, LateUnit, Meeting, Override, PlannedTask, TaskStatus
from baocao.tasks.prepare import Prepared, prepare

__all__ = [
    "Evidence",
    "LateUnit",
    "Meeting",
    "Override",
    "PlannedTask",
    "Prepared",
    "TaskStatus",
    "extract_tasks",
    "follow",
    "follow_up",
    "match_tasks",
    "period_warning",
    "prepare",
]


def follow(previous: Document, current: Document, overrides: Mapping[str, Override] | None = None,
           include_meetings: bool = False) -> list[TaskStatus]:
    """What `current` says about each task planned in `previous` (meetings only on request:
    a schedule is kept, not reported on)."""
    tasks = [t for t in extract_tasks(previous) if include_meetings or t.kind == "task"]
    return match_tasks(tasks, current, overrides)


def period_warning(tasks: list[PlannedTask], current: Document) -> str | None:
    """A Vietnamese warning when the tasks were planned for another period than `current` reports."""
    planned = sorted({t.period for t in tasks if t.period})
    own = current.meta.period.code if current.meta.period else None
    if not planned or own is None or own in planned:
        return None
    return (f"Nhiệm vụ được giao cho kỳ {', '.join(planned)} nhưng báo cáo sau là kỳ {own}: "
            "kết quả đối chiếu có thể không chính xác.")
