"""Planned tasks of a report or work programme.

Where tasks are: the top-most section whose title names key tasks for a period
("NHIỆM VỤ TRỌNG TÂM THÁNG 9 NĂM 2025", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 6 THÁNG CUỐI NĂM
2025", "Phần thứ hai …", "TRỌNG TÂM CÔNG TÁC THÁNG 5/2025"), and a work programme's meeting
schedule ("TỔ CHỨC, THAM DỰ CÁC CUỘC HỌP").

Numbering (what people see in the CLI and the store keeps as the key):
- a printed list number is kept as printed: "1" … "12";
- paragraphs under a printed number with no number of their own continue that task
  (seed 004: three unnumbered paragraphs after task 8 are part of task 8);
- unnumbered paragraphs under a numbered heading get a generated number: the heading's
  number and a letter in Vietnamese alphabet order, as Decree 30/2020 letters points
  ("2.a", "2.b", "2.1.a"); `number_printed` is then False;
- meeting items keep their printed numbers; their key differs by kind.

Period: the period phrase of the part's title, else the next period after a report's own
(the programme's own period for a work programme).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.parse.model import Document, Paragraph, Period, Section
from baocao.parse.plans import is_meeting_part
from baocao.parse.plans import plan_parts as task_parts
from baocao.tasks.meetings import meeting_kind, parse_meeting
from baocao.tasks.model import Meeting, PlannedTask
from baocao.tasks.text import clean, has_bullet, is_closing, is_intro, strip_bullet, strip_number
from baocao.tasks.units import responsible_units
from baocao.tasks.vocab import Vocabulary, vocabulary
from baocao.text.normalize import fold
from baocao.text.periods import find_period, next_period

VN_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
              "v", "x", "y")
# A numbered heading inside a task part that starts with one of these verbs is a short task the
# parser read as a heading ("1. Đẩy nhanh giải ngân vốn đầu tư công:"), not a sector heading.
_TASK_VERBS = re.compile(
    r"^(day nhanh|day manh|to chuc|tap trung|trien khai|tiep tuc|hoan thanh|hoan thien|chi dao|thuc hien|tang cuong"
    r"|nang cao|don doc|ra soat|chuan bi|kiem tra|duy tri|ban hanh|phan dau|dam bao|bao dam|giai quyet|chu dong"
    r"|khan truong|quyet liet|huong dan|phoi hop|tham muu)\b"
)
_FRAGMENT_MAX = 25  # characters: a line this short without final punctuation is a broken-off fragment


def planned_period(doc: Document, part: Section) -> Period | None:
    """The period the tasks of `part` are planned for."""
    found = find_period(part.title)
    if found is not None:
        return found
    own = doc.meta.period
    if own is None:
        return None
    return own if doc.meta.doc_type == "work_programme" else next_period(own)


@dataclass
class _Draft:
    number: str
    printed: bool
    section: Section
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def _paragraphs(section: Section) -> list[tuple[Paragraph, str]]:
    """Clean texts of a section's paragraphs, broken-off fragments joined to the next one."""
    out: list[tuple[Paragraph, str]] = []
    carry: tuple[Paragraph, str] | None = None
    for p in section.paragraphs:
        text = clean(p.text)
        if not text:
            continue
        if carry is not None:
            p, text = carry[0], f"{carry[1]} {text}"
            carry = None
        if len(text) < _FRAGMENT_MAX and not text.endswith((".", ":", ";", "!", "?", ")")) and p.number is None:
            carry = (p, text)
            continue
        out.append((p, text))
    if carry is not None:
        out.append(carry)
    return out


def _walk_tasks(section: Section, prefix: str, headings: tuple[str, ...], drafts: list[_Draft],
                current: _Draft | None = None) -> None:
    generated = 0
    heading = " / ".join(headings)
    for p, text in _paragraphs(section):
        if p.number is None and (is_intro(text) or is_closing(text)):
            continue
        if p.number is not None:
            current = _Draft(p.number, True, section, heading)
            drafts.append(current)
        elif current is not None and current.printed:
            pass  # an unnumbered paragraph or a dash item continues the numbered task above it
        else:
            letter = VN_LETTERS[generated] if generated < len(VN_LETTERS) else str(generated + 1)
            generated += 1
            current = _Draft(f"{prefix}.{letter}" if prefix else letter, False, section, heading)
            drafts.append(current)
        current.paragraphs.append(p)
        current.texts.append(strip_number(text) if p.number is not None else strip_bullet(text))
    for child in section.children:
        if child.number and _TASK_VERBS.match(fold(child.title)):
            # a short task the parser read as a heading: what is under it continues it,
            # until a numbered paragraph starts the next task
            title = clean(child.title)
            task = _Draft(child.number, True, child, heading, texts=[title if title[-1:] in ".:;" else f"{title}:"])
            drafts.append(task)
            _walk_tasks(child, prefix, headings, drafts, current=task)
            continue
        child_prefix = child.number or prefix
        _walk_tasks(child, child_prefix, (*headings, child.title), drafts)


def _dedupe_numbers(drafts: list[_Draft]) -> None:
    """Printed numbers repeated under different headings get the heading's number in front."""
    seen: dict[str, int] = {}
    for d in drafts:
        seen[d.number] = seen.get(d.number, 0) + 1
    for d in drafts:
        if seen[d.number] > 1 and d.section.number and not d.number.startswith(f"{d.section.number}."):
            d.number = f"{d.section.number}.{d.number}"


def _tasks_of_part(part: Section, period: Period | None, vocab: Vocabulary) -> list[PlannedTask]:
    drafts: list[_Draft] = []
    _walk_tasks(part, "", (), drafts)
    _dedupe_numbers(drafts)
    code = period.code if period else ""
    out = []
    for d in drafts:
        text = " ".join(d.texts).rstrip(":")
        ids = tuple(p.id for p in d.paragraphs) or (d.section.id,)
        out.append(
            PlannedTask(
                number=d.number,
                text=text,
                sector=vocab.sector(text, d.heading),
                period=code,
                paragraph=ids[0],
                number_printed=d.printed,
                paragraphs=ids,
                heading=d.heading,
                units=responsible_units(text),
            )
        )
    return out


def _meeting_item(number: str, printed: bool, title: str, body: list[tuple[Paragraph, str]],
                  period: Period | None, first: str) -> PlannedTask:
    lines = [strip_bullet(t) for _, t in body if not is_closing(t)]
    dashed = [strip_bullet(t) for _, t in body if has_bullet(t) and ":" in t]
    meetings: list[Meeting]
    if dashed:
        meetings = [parse_meeting(meeting_kind(line), line.split(":", 1)[1], period) for line in dashed]
    else:
        meetings = [parse_meeting(meeting_kind(title), " ".join([title, *lines]), period, note=" ".join(lines))]
    text = title if not lines else f"{title}: {' '.join(lines)}" if title else " ".join(lines)
    ids = tuple(p.id for p, _ in body) or (first,)
    return PlannedTask(
        number=number,
        text=clean(text),
        sector="direction",
        period=period.code if period else "",
        paragraph=ids[0],
        kind="meeting",
        number_printed=printed,
        paragraphs=ids,
        heading=title,
        units=responsible_units(" ".join(lines)),
        meetings=tuple(meetings),
    )


def _meetings_of_part(part: Section, period: Period | None) -> list[PlannedTask]:
    out: list[PlannedTask] = []
    for p, text in _paragraphs(part):  # items printed as numbered paragraphs
        if is_closing(text) or is_intro(text):
            continue
        item = strip_number(text)
        number = p.number or VN_LETTERS[min(len(out), len(VN_LETTERS) - 1)]
        out.append(_meeting_item(number, p.number is not None, meeting_kind(item), [(p, item)], period, p.id))
    for child in part.children:  # items printed as numbered headings with their details below
        body = _paragraphs(child)
        for grandchild in child.children:
            body.extend(_paragraphs(grandchild))
        first = body[0][0].id if body else child.id
        out.append(_meeting_item(child.number or child.title, bool(child.number), clean(child.title), body, period,
                                 first))
    return out


def extract_tasks(doc: Document, vocab: Vocabulary | None = None) -> list[PlannedTask]:
    """Planned tasks and scheduled meetings of a report or a work programme, in document order."""
    vocab = vocab or vocabulary()
    out: list[PlannedTask] = []
    for part in task_parts(doc):
        period = planned_period(doc, part)
        if is_meeting_part(part.title):
            out.extend(_meetings_of_part(part, period))
        else:
            out.extend(_tasks_of_part(part, period, vocab))
    return out
