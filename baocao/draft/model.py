"""What a draft report is made of, before it is written to DOCX.

`DraftDocument` holds every element of an administrative document of Decree 30/2020/NĐ-CP
(Appendix I): issuing body, number and symbol, place and date, document type and summary,
body sections, signature block and recipients. The store (or the CLI demo) fills it; the
writers only lay it out. `FigureLine` is one figure with its comparisons, as the store knows
it; `build.build_draft` turns figure lines and task statuses into sections.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from baocao.parse.model import Period


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look. `placeholder` marks text the office must write or check:
    it is highlighted in the DOCX and reads "[Nội dung do đơn vị bổ sung: …]"."""

    text: str
    bold: bool = False
    italic: bool = False
    placeholder: bool = False


@dataclass(frozen=True)
class DraftParagraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def has_placeholder(self) -> bool:
        return any(r.placeholder for r in self.runs)

    @classmethod
    def of(cls, *parts: str | Run) -> DraftParagraph:
        return cls(tuple(Run(p) if isinstance(p, str) else p for p in parts))


@dataclass(frozen=True)
class DraftSection:
    number: str  # as it will be printed, without the final dot: "I", "1", "1.1", "a"
    title: str
    level: int  # 1: "I. TITLE" (upper case, bold); 2: "1. Title" (bold); 3: "1.1. Title" (bold italic); 4: "a) …"
    paragraphs: tuple[DraftParagraph, ...] = ()
    children: tuple[DraftSection, ...] = ()

    @property
    def heading(self) -> str:
        """The heading line as printed ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "a) Ưu điểm")."""
        title = self.title.upper() if self.level == 1 else self.title
        if not self.number:
            return title
        return f"{self.number}) {title}" if self.level >= 4 else f"{self.number}. {title}"


@dataclass(frozen=True)
class Signature:
    """Signing authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the name."""

    lines: tuple[str, ...]
    name: str = ""


@dataclass(frozen=True)
class DraftDocument:
    issuer: tuple[str, ...]  # issuing body, upper case, bold: ("ỦY BAN NHÂN DÂN", "PHƯỜNG TAM THANH")
    place: str  # "Tam Thanh"
    year: int  # of the document (used when the date is left blank)
    title: str  # summary line (trích yếu), sentence case
    sections: tuple[DraftSection, ...]
    signature: Signature
    recipients: tuple[str, ...]  # each without the leading "- " and final ";"; the last is "Lưu: VT, …"
    superior: tuple[str, ...] = ()  # direct superior body, upper case, regular (omitted when none)
    number: str = ""  # "" while drafting: the office fills it at registration
    symbol: str = "BC-UBND"
    issued_on: dt.date | None = None  # None → "ngày … tháng … năm 2026" left for the office
    doc_type: str = "BÁO CÁO"
    intro: tuple[DraftParagraph, ...] = ()
    closing: tuple[DraftParagraph, ...] = ()
    period: Period | None = None
    unit_name: str = ""
    sample: bool = False  # sample figures (demo): marked in the document
    keywords: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class FigureLine:
    """One figure of the period with its comparisons, as the store knows them.

    Values are in `display_unit` ("tỷ đồng", "ha", "hồ sơ"); percentages are percent
    numbers (16.66 for 16,66 %). `change_*` are signed percent changes; `achievement` is
    the percent of `basis` reached ("kế hoạch", "dự toán", "dự toán tỉnh giao").
    """

    name: str  # "Tổng thu ngân sách nhà nước trên địa bàn"
    sector: str  # code from sectors.yaml
    value: float | None  # None: not reported yet (a placeholder is written)
    display_unit: str = ""
    decimals: int | None = None  # None: as few as the value needs (at most 2)
    count: bool = False  # a count of things: leading zero below 10 ("02 dự án")
    estimate: bool = False  # "ước đạt"
    cumulative: float | None = None  # "lũy kế 8 tháng đạt …"
    cumulative_label: str = ""  # "8 tháng", "6 tháng đầu năm"
    change_previous: float | None = None  # vs the previous period ("so với tháng trước")
    previous_label: str = "tháng trước"
    change_same_period: float | None = None  # vs the same period last year ("so với cùng kỳ")
    achievement: float | None = None  # percent of the basis reached
    basis: str = "kế hoạch"
    indicator: str = ""  # catalogue code, for the annex
    missing_units: tuple[str, ...] = ()  # units below that have not reported this figure
