"""The document model: what the parse stage hands to every later stage.

All classes are frozen dataclasses; `to_dict()` gives the JSON shape of
`baocao parse --json`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PERIOD_KINDS = ("month", "quarter", "half_year", "nine_months", "year", "months_to_date")
LEVELS = ("province", "district", "commune")
DOC_TYPES = ("report", "work_programme", "plan", "other")


@dataclass(frozen=True)
class Period:
    """A reporting period as printed in a report ("tháng 11 năm 2025", "6 tháng đầu năm 2025")."""

    kind: str
    year: int
    month: int | None = None  # month kind; last month of months_to_date
    quarter: int | None = None
    half: int | None = None
    label: str = ""

    @property
    def code(self) -> str:
        """The canonical code: 2025-11, 2025-Q3, 2025-H1, 2025-9M, 2025, 2025-08-YTD."""
        if self.kind == "month":
            return f"{self.year}-{self.month:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.quarter}"
        if self.kind == "half_year":
            return f"{self.year}-H{self.half}"
        if self.kind == "nine_months":
            return f"{self.year}-9M"
        if self.kind == "months_to_date":
            return f"{self.year}-{self.month:02d}-YTD"
        return f"{self.year}"


@dataclass(frozen=True)
class Meta:
    unit_name: str | None = None
    unit_kind: str | None = None
    level: str | None = None
    period: Period | None = None
    doc_type: str = "other"
    title: str | None = None
    number: str | None = None
    place: str | None = None
    issued_on: str | None = None  # ISO date of the place-and-date line
    date_line: str | None = None  # the place-and-date line as printed
    issuer: str | None = None  # issuing body as printed in the header
    signer: str | None = None
    signer_title: str | None = None
    signing_form: str | None = None  # "TM.", "KT.", "TL.", "Q.", "TUQ."
    signing_lines: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signed_at: tuple[str, ...] = ()
    has_header: bool = False


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str
    footnotes: tuple[int, ...] = ()
    number: str | None = None  # list-item number as printed ("1", "a"), for numbered tasks
    page: int | None = None
    start: int = 0  # offset of this paragraph in Document.text


@dataclass(frozen=True)
class Section:
    id: str
    number: str  # as printed: "II", "1.2", "a"; "" for an unnumbered heading
    title: str
    level: int
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Section, ...] = ()
    page: int | None = None
    start: int = 0  # offset of the heading line in Document.text


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    paragraph: str | None = None  # id of the paragraph holding the marker
    offset: int | None = None  # marker offset in that paragraph's text
    anchor: str = ""  # the ~40 characters before the marker
    page: int | None = None


@dataclass(frozen=True)
class ParseWarning:
    code: str
    message: str
    location: str = ""  # paragraph/section id or "line N"


@dataclass(frozen=True)
class SourceInfo:
    path: str
    kind: str  # "text", "pdf", "docx", "pdf+ocr"
    sha256: str
    size: int
    pages: int = 0


@dataclass(frozen=True)
class Document:
    meta: Meta
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    text: str
    warnings: tuple[ParseWarning, ...] = ()
    source: SourceInfo | None = None
    preamble: tuple[Paragraph, ...] = field(default=())  # paragraphs before the first heading

    def iter_sections(self) -> list[Section]:
        """All sections, depth first, in document order."""
        out: list[Section] = []

        def walk(nodes: tuple[Section, ...]) -> None:
            for node in nodes:
                out.append(node)
                walk(node.children)

        walk(self.sections)
        return out

    def iter_paragraphs(self) -> list[Paragraph]:
        """All body paragraphs in document order."""
        out = list(self.preamble)
        for section in self.iter_sections():
            out.extend(section.paragraphs)
        out.sort(key=lambda p: p.start)
        return out

    def paragraph(self, pid: str) -> Paragraph | None:
        for p in self.iter_paragraphs():
            if p.id == pid:
                return p
        return None

    def section_of(self, pid: str) -> Section | None:
        for s in self.iter_sections():
            if any(p.id == pid for p in s.paragraphs):
                return s
        return None

    def footnote(self, number: int) -> Footnote | None:
        for f in self.footnotes:
            if f.number == number:
                return f
        return None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.meta.period is not None:
            data["meta"]["period"]["code"] = self.meta.period.code
        return data
