"""Directive follow-up: units named as late on assigned directives, or on sending reports.

Reports name them in two shapes:
- a list after a colon: "Các đơn vị còn có nội dung chưa tham mưu giải quyết: phòng Kinh
  tế, Hạ tầng và Đô thị; phòng Nông nghiệp và Môi trường thành phố." (seed 000);
- a unit before the lateness phrase: "Phòng Văn hóa - Thông tin chưa tham mưu giải quyết
  02 nội dung …".
Each unit becomes one `LateUnit` record for the report's period.
"""

from __future__ import annotations

import re

from baocao.parse.model import Document, Paragraph
from baocao.tasks.model import LateUnit
from baocao.tasks.text import clean, split_sentences, strip_bullet
from baocao.tasks.units import scan_named, split_unit_list
from baocao.text.normalize import fold_keep_length

_DIRECTIVE = re.compile(
    r"(chua tham muu(?: giai quyet)?|chua hoan thanh|cham (?:tien do|thuc hien|trien khai|tham muu)|qua han"
    r"|chua thuc hien|chua giai quyet|con ton dong|chua trien khai)"
)
_REPORT = re.compile(r"(chua (?:gui|nop) bao cao|chua bao cao|(?:gui|nop) bao cao cham|cham (?:gui|nop) bao cao)")
_SUBJECT_SLACK = 12  # characters before the unit name: "Riêng ", "Còn "
_LIST_HEAD = re.compile(r"(don vi|co quan|phong|xa|phuong|so|nganh)")


def _kind(folded: str) -> str | None:
    if _REPORT.search(folded):
        return "report"
    if _DIRECTIVE.search(folded):
        return "directive"
    return None


def late_units_in(sentence: str, period: str, paragraph: str, topic: str = "") -> list[LateUnit]:
    """Late-unit records of one sentence (empty when it names no late unit)."""
    sentence = clean(strip_bullet(sentence))
    folded = fold_keep_length(sentence)
    kind = _kind(folded)
    if kind is None:
        return []
    names: list[str] = []
    colon = sentence.find(":")
    if colon > 0 and _kind(folded[:colon]) and _LIST_HEAD.search(folded[:colon]):
        names = split_unit_list(sentence[colon + 1 :])
    else:
        cue = _REPORT.search(folded) or _DIRECTIVE.search(folded)
        assert cue is not None
        # the unit must be the subject: at the head of the sentence ("Phòng X chưa tham mưu …")
        names = [name for name, start, _ in scan_named(sentence) if start <= _SUBJECT_SLACK and start < cue.start()]
    return [LateUnit(unit=name, period=period, sentence=sentence, paragraph=paragraph, kind=kind, topic=topic)
            for name in names if name]


def _topic(previous: list[Paragraph]) -> str:
    """The line introducing a list ("* Thực hiện các văn bản chỉ đạo …"), when printed just before."""
    for p in reversed(previous[-3:]):
        text = clean(p.text)
        if text.startswith("*") or (len(text) < 160 and not text.endswith((".", ";", ":"))):
            return text.lstrip("* ").strip()
    return ""


def follow_up(doc: Document) -> list[LateUnit]:
    """Every unit the report names as late, in document order."""
    period = doc.meta.period.code if doc.meta.period else ""
    out: list[LateUnit] = []
    for section in doc.iter_sections():
        seen: list[Paragraph] = []
        for p in section.paragraphs:
            for sentence in split_sentences(clean(p.text)):
                out.extend(late_units_in(sentence, period, p.id, _topic(seen)))
            seen.append(p)
    return out
