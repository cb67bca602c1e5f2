"""Findings: what the checks report, each pointing at the exact words."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Evidence:
    """One place a finding points at: a fact or a span of text."""

    sentence: str
    paragraph: str | None = None
    footnote: int | None = None
    start: int | None = None  # offset of the highlighted span in the paragraph/footnote text
    end: int | None = None
    fact: str | None = None  # fact id
    raw: str | None = None  # the highlighted text


@dataclass(frozen=True)
class Finding:
    code: str  # stable English identifier, e.g. "sum_mismatch"
    severity: str  # "error" | "warning" | "info"
    message: str  # Vietnamese, for the compiler of the report
    evidence: tuple[Evidence, ...] = ()
    suggestion: str | None = None  # Vietnamese, the value that would make it consistent
    expected: float | None = None
    actual: float | None = None
    section: str | None = None  # id of the section holding the first evidence
    rule: str = ""  # name of the rule that produced it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
