"""Truth records of a synthetic report: what was printed and what it means.

Everything here is a frozen dataclass handed from the generator to tests,
benchmarks and the demo loader; `SynthReport.to_dict()` is the JSON shape of
one line of `truth.jsonl`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MISTAKE_KINDS = (
    "sum",
    "ratio",
    "percent_change",
    "carry_over",
    "date_year",
    "doc_date",
    "duplicate_heading",
    "skipped_heading",
    "doubled_word",
    "misspelling",
    "cumulative",
)

CHECK_KINDS = ("sum", "ratio", "change", "carry_over", "cumulative")


@dataclass(frozen=True)
class ReportMeta:
    unit_code: str
    unit_name: str  # as printed in running text: "phường Tam Thanh", "tỉnh Lạng Giang"
    unit_kind: str  # "tỉnh", "thành phố", "huyện", "thị xã", "phường", "xã"
    level: str  # "province" | "district" | "commune"
    year: int
    month: int
    doc_number: str  # "123/BC-UBND"
    issued_on: str  # ISO date of the place-and-date line
    place: str
    date_line: str  # "Tam Thanh, ngày 05 tháng 02 năm 2026"
    title: str  # subject line after "BÁO CÁO"
    issuer: str  # "ỦY BAN NHÂN DÂN PHƯỜNG TAM THANH"
    signer: str
    signer_title: str  # "CHỦ TỊCH" | "PHÓ CHỦ TỊCH"
    signing_form: str  # "TM." (chair signs) | "KT." (deputy signs for the chair)
    has_header: bool
    signed_at: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class TruthSection:
    number: str  # as printed, without the final dot: "II", "1.2", "" for unnumbered
    title: str
    level: int  # 1 for I./II., 2 for 1., 3 for 1.1.
    start: int  # offset of the heading line in the text


@dataclass(frozen=True)
class TruthFootnote:
    number: int
    text: str  # the footnote text, joined, without its number
    anchor: str  # ~40 characters of clean body text before the marker
    marker_start: int  # offset of the marker digits in the text


@dataclass(frozen=True)
class TruthFact:
    id: str
    value: float  # in base units (VND, USD, %, m2, kg, m3, m, kWh, or count)
    dimension: str
    unit: str
    raw: str  # the number exactly as printed ("1.809,6", "02")
    unit_text: str  # the unit words printed right after it ("triệu đồng"), "" if implicit
    indicator: str | None
    scope: str  # "period" | "cumulative"
    estimate: bool
    footnote: int | None  # number of the footnote holding it
    start: int  # offset of `raw` in the text
    end: int
    decimals: int
    role: str | None = None  # "percent_change", "achievement", "share", "ratio_percent", "plan", …
    as_of: str | None = None
    approx: str | None = None


@dataclass(frozen=True)
class NonFact:
    raw: str
    kind: str  # "date", "year", "doc_number", "school_year", "term", "scale", "identifier", …
    start: int
    end: int
    footnote: int | None = None


@dataclass(frozen=True)
class TruthCheck:
    """A relation between printed facts that a checker can verify.

    sum: result = sum(operands); carry_over: result = operands[0] + operands[1];
    ratio: result % = operands[0] / (operands[1] or base) * 100;
    change: result % = |operands[0] / (operands[1] or base) - 1| * 100 in `direction`;
    cumulative: result = base (previous cumulative, not printed) + operands[0].
    """

    kind: str
    result: str
    operands: tuple[str, ...]
    base: float | None = None
    direction: str | None = None  # "up" | "down" for changes
    holds: bool = True


@dataclass(frozen=True)
class Task:
    number: str  # as printed
    text: str
    sector: str
    key: str  # id of the task template (stable across months)


@dataclass(frozen=True)
class TaskOutcome:
    number: str  # number of the task in the previous month's report
    text: str  # the task as printed there
    status: str  # "done" | "in_progress" | "not_mentioned"
    evidence: str | None  # the sentence of this report that reports on it
    key: str = ""


@dataclass(frozen=True)
class Mistake:
    kind: str
    description: str
    involved: tuple[str, ...]  # the numbers/strings as printed
    expected: str  # what a correct report would print
    actual: str  # what is printed
    fact_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TruthParagraph:
    """A printed paragraph: the layout-independent structure of the report."""

    kind: str  # "header" | "heading" | "body" | "task" | "closing"
    text: str  # as printed, with its number prefix and glued footnote markers
    number: str = ""
    level: int = 0
    markers: tuple[tuple[int, int], ...] = ()  # (offset of the marker in `text`, footnote number)


@dataclass(frozen=True)
class SynthReport:
    text: str
    meta: ReportMeta
    sections: tuple[TruthSection, ...]
    footnotes: tuple[TruthFootnote, ...]
    facts: tuple[TruthFact, ...]
    non_facts: tuple[NonFact, ...]
    tasks: tuple[Task, ...]
    task_outcomes: tuple[TaskOutcome, ...]
    mistakes: tuple[Mistake, ...]
    checks: tuple[TruthCheck, ...]
    pages: int = 1
    paragraphs: tuple[TruthParagraph, ...] = ()

    def fact(self, fact_id: str) -> TruthFact:
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("text")
        return data
