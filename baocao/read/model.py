"""What a reader hands to the parse stage: lines with whatever the format knows."""

from __future__ import annotations

from dataclasses import dataclass

LINE_KINDS = ("unknown", "body", "footnote", "page_number", "separator")


@dataclass(frozen=True)
class Marker:
    """A footnote reference known to the reader (PDF superscript, DOCX reference).

    `offset` is the position in the line's text where the marker stood; the marker's
    digits are not part of the text.
    """

    offset: int
    number: int


@dataclass(frozen=True)
class RawLine:
    text: str
    page: int = 1
    kind: str = "unknown"
    size: float | None = None  # dominant font size, when known
    markers: tuple[Marker, ...] = ()
    whole_paragraph: bool = False  # the reader knows this line is one whole paragraph
    style: str | None = None  # e.g. DOCX style name ("Heading 1")
    footnote: int | None = None  # for kind == "footnote" when the reader knows the number
    bold: bool = False


_PLAIN = vars(RawLine(text=""))


def plain_line(text: str, page: int) -> RawLine:
    """`RawLine(text=text, page=page)` with every other field at its default, made without the
    frozen `__init__` (a text layer has thousands of lines): the same value, faster."""
    line = object.__new__(RawLine)
    vars(line).update(_PLAIN, text=text, page=page)
    return line


@dataclass(frozen=True)
class RawDocument:
    lines: tuple[RawLine, ...]
    kind: str  # "text", "pdf", "docx", "pdf+ocr"
    pages: int = 1
    notes: tuple[str, ...] = ()  # what the reader noticed (e.g. "decoded as UTF-16")
