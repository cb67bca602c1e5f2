"""Which parts of a report plan ahead: the key tasks for the next period ("Nhiệm vụ trọng tâm
tháng 9", "Phương hướng, nhiệm vụ …") and the schedule of meetings. Figures printed there are
targets, not results; the tasks stage reads the tasks from them."""

from __future__ import annotations

import re

from baocao.parse.model import Document, Section
from baocao.text.normalize import fold

_TASK_PART = re.compile(
    r"(nhiem vu[^.]{0,40}(trong tam|giai phap|chu yeu|cong tac|thang|quy|nam|toi)"
    r"|phuong huong|trong tam cong tac|ke hoach cong tac|chuong trinh cong tac)"
)
_MEETING_PART = re.compile(r"(cac cuoc hop|lich hop|lich cong tac|tham du cac|to chuc cac hoi nghi)")
_NOT_PLANS = re.compile(r"^(thuc hien|ket qua|danh gia|tinh hinh)")


def is_task_part(title: str) -> bool:
    """A section title that opens the planned tasks ("II. NHIỆM VỤ TRỌNG TÂM THÁNG 9")."""
    folded = fold(title)
    return bool(_TASK_PART.search(folded)) and not _NOT_PLANS.match(folded) and not is_meeting_part(title)


def is_meeting_part(title: str) -> bool:
    """A section title that opens a schedule of meetings ("Lịch công tác tháng 9")."""
    return bool(_MEETING_PART.search(fold(title)))


def plan_parts(doc: Document) -> list[Section]:
    """Top-most sections holding planned tasks or a meeting schedule, in document order."""
    out: list[Section] = []

    def walk(nodes: tuple[Section, ...]) -> None:
        for node in nodes:
            if is_task_part(node.title) or is_meeting_part(node.title):
                out.append(node)
            else:
                walk(node.children)

    walk(doc.sections)
    return out


def plan_paragraphs(doc: Document) -> frozenset[str]:
    """The ids of the paragraphs inside the plan parts."""
    ids: set[str] = set()
    stack = list(plan_parts(doc))
    while stack:
        node = stack.pop()
        ids.update(p.id for p in node.paragraphs)
        stack.extend(node.children)
    return frozenset(ids)
