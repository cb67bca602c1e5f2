"""Planned tasks, their outcome in the next report, and directive follow-up records.

All classes are frozen dataclasses handed between the steps of `baocao.tasks`
and to the store; `to_dict()` gives the JSON shape of `baocao tasks-of --json`
and `baocao follow --json`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

STATUSES = ("done", "in_progress", "not_mentioned")
KINDS = ("task", "meeting")

# What the next report says, in the words users see (CLI, API, pages, drafts).
STATUS_LABELS = {
    "done": "đã thực hiện",
    "in_progress": "đang thực hiện",
    "not_mentioned": "chưa đề cập",
}


@dataclass(frozen=True)
class Meeting:
    """One meeting of a work programme's schedule."""

    kind: str  # "Họp UBND tỉnh thường kỳ", as printed without the period phrase
    dates: tuple[str, ...] = ()  # ISO dates, in the order printed
    date_text: str = ""  # the dates the way they read best: "16/5/2025 và 30/5/2025"
    recurrence: str | None = None  # "thứ Hai hàng tuần", "ngày 01 và 16 hàng tháng"
    note: str = ""  # "Theo Chương trình công tác của Thành ủy."


@dataclass(frozen=True)
class PlannedTask:
    """A key task (or a scheduled meeting) planned for a period."""

    number: str  # as printed ("3"); generated "2.a", "2.1.b" under numbered headings (number_printed False)
    text: str  # without the printed number
    sector: str  # code from sectors.yaml
    period: str  # code of the period the task is planned for ("2025-09")
    paragraph: str  # id of the first source paragraph
    kind: str = "task"  # "task" | "meeting"
    number_printed: bool = True
    paragraphs: tuple[str, ...] = ()  # every source paragraph (continuations included)
    heading: str = ""  # the heading the task sits under ("Lĩnh vực kinh tế")
    units: tuple[str, ...] = ()  # responsible units when named
    meetings: tuple[Meeting, ...] = ()

    @property
    def key(self) -> str:
        """Stable identity within one unit: period, kind and number ("2025-09:task:3")."""
        return f"{self.period}:{self.kind}:{self.number}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["key"] = self.key
        return data


@dataclass(frozen=True)
class Evidence:
    """A sentence of the next report that says something about a task."""

    paragraph: str  # paragraph id ("p23"), or "fn7" for footnote 7
    text: str  # the sentence
    section: str = ""  # heading of the section holding it
    score: float = 0.0  # similarity score of the match, in [0, 1]


@dataclass(frozen=True)
class TaskStatus:
    """What the next report says about one planned task."""

    task: PlannedTask
    status: str  # one of STATUSES
    confidence: float  # in [0, 1]
    evidence: Evidence | None = None
    alternatives: tuple[Evidence, ...] = ()  # next-best sentences, for people correcting a match
    cue: str = ""  # the phrase that decided the status ("đã hoàn thành", "đạt 58,2%")
    source: str = "auto"  # "auto" | "confirmed" (an override kept by the store)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["task"] = self.task.to_dict()
        data["label"] = self.label
        return data


@dataclass(frozen=True)
class Override:
    """A match confirmed or corrected by a person; the matcher returns it as is."""

    task_key: str  # PlannedTask.key
    status: str
    evidence: Evidence | None = None
    note: str = ""


@dataclass(frozen=True)
class LateUnit:
    """A unit named as late on assigned directives (or on sending its report)."""

    unit: str  # "phòng Kinh tế, Hạ tầng và Đô thị"
    period: str  # period code of the report that names it
    sentence: str  # the sentence as printed
    paragraph: str  # paragraph id
    kind: str = "directive"  # "directive" (chưa tham mưu giải quyết…) | "report" (chưa gửi báo cáo)
    topic: str = ""  # what is late: the line introducing the list, when printed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
