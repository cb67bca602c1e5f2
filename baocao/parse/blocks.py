"""Step 4: join wrapped lines into paragraphs and recognise headings.

A line break is a paragraph break when the next line starts a heading or a
list item, or when the line ends a sentence and the next line begins like the
first line of a paragraph (upper case, printed narrower because of the indent).
Everything else is a wrapped line, including sentences that a footnote block
or a page break cut in two (the blocks are already gone at this step).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.parse.headings import HeadingMatch, is_all_caps, match_heading
from baocao.parse.lines import Line
from baocao.read.model import Marker

# A line ending on a full stop (or "./.", the end of a legal text), maybe before a closing mark.
# Written to open with the punctuation class, so that re skips to punctuation instead of trying
# every position: "[.;:!?…](?:\s*[)”"’»])?\s*$|\./\.\s*$".
_CLOSERS = ")”\"’»"  # a line ending with one may still end with a mark before it ("… (năm 2025).”)
TERMINAL_MARKS = ".;:!?…"
STRONG_MARKS = ".:!?…"  # a sentence, not a clause, ends


def _line_end(marks: str) -> re.Pattern[str]:
    return re.compile(rf"[{re.escape(marks)}](?:(?:\s*[{re.escape(_CLOSERS)}])?\s*$|(?<=\.)/\.\s*$)")


_TERMINAL = _line_end(TERMINAL_MARKS)
_STRONG = _line_end(STRONG_MARKS)
_RECIPIENTS = re.compile(r"^\s*Nơi nhận")
_MAX_HEADING = 200  # a numbered block longer than this is a numbered paragraph, not a heading
_TITLE_COLON = 70  # "1. Ưu điểm: Dưới sự…" — a title before a colon at most this long


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "title"
    text: str
    page: int
    markers: list[Marker] = field(default_factory=list)
    number: str | None = None
    level: int = 0
    heading_kind: str = ""
    title: str = ""
    whole: bool = False
    style: str | None = None


def typical_width(lines: list[Line]) -> int:
    lengths = sorted(len(line.text.strip()) for line in lines if len(line.text.strip()) > 20)
    if not lengths:
        return 80
    return lengths[int(0.85 * (len(lengths) - 1))]


def _starts_upper(text: str) -> bool:
    t = text.lstrip(" (“\"'‘«")
    return bool(t) and (t[0].isupper() or t[0].isdigit())


def _starts_item(text: str) -> bool:
    match = match_heading(text)
    if match is None:
        return False
    if match.kind == "bullet":
        return _starts_upper(match.rest) or match.rest[:1] in "“\"("
    return True


def _ends(stripped: str, pattern: re.Pattern[str], marks: str) -> bool:
    """`pattern.search(stripped)` for _TERMINAL or _STRONG (a mark of `marks` ends the line, or
    one of them before a closing bracket or quote): most lines tell by their last character."""
    last = stripped[-1:]
    if not last:
        return False
    if last in marks:
        return True
    return last in _CLOSERS and bool(pattern.search(stripped))


def _is_break(prev: str, nxt: str, width: int) -> bool:
    prev_s = prev.strip()
    nxt_s = nxt.strip()
    if not prev_s:
        return False
    terminal = _ends(prev_s, _TERMINAL, TERMINAL_MARKS)
    full = len(prev_s) >= 0.9 * width
    match = match_heading(nxt_s)
    if match is not None and match.kind in ("part", "roman"):
        return True
    if _RECIPIENTS.match(nxt_s):
        return True
    if match is not None and _starts_item(nxt_s):
        return terminal or not full or (match.kind in ("dotted", "letter") and _starts_upper(match.rest))
    if not _starts_upper(nxt_s):
        return False
    prev_match = match_heading(prev_s)
    if prev_match is not None and prev_match.kind in ("dotted", "letter") and not terminal:
        return len(prev_s) < 0.97 * width  # a heading line, then its first paragraph
    if _ends(prev_s, _STRONG, STRONG_MARKS):
        return not full or len(nxt_s) < 0.92 * width
    if is_all_caps(prev_s) and not is_all_caps(nxt_s):
        return True
    return not full and len(prev_s) < 0.75 * width


def assemble(body: list[Line]) -> list[Block]:
    """Paragraphs and headings, with each marker's offset in its block's text."""
    lines = [line for line in body if line.kind == "body" and line.text.strip()]
    width = typical_width(lines)
    blocks: list[Block] = []
    current: Block | None = None
    prev_text = ""
    for line in lines:
        text = line.text
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        markers = [Marker(max(0, min(len(stripped), m.offset - lead)), m.number) for m in line.markers]
        new = line.whole_paragraph or current is None or _is_break(prev_text, stripped, width)
        if (
            not new
            and current is not None
            and _open_heading(current)
            and stripped[:1].isupper()
            and len(prev_text) < 0.95 * width
            and not prev_text.endswith(",")
        ):
            new = True  # a heading that wrapped onto a second line, then its first paragraph
        if current is not None and current.whole:
            new = True
        if current is not None and not new and current.kind == "heading" and current.heading_kind in ("roman", "part"):
            new = not (current.text and not _TERMINAL.search(current.text) and not _starts_upper(stripped))
        if new:
            current = Block(kind="paragraph", text=stripped, page=line.page, markers=markers,
                            whole=line.whole_paragraph, style=line.style)
            blocks.append(current)
            _classify_start(current)
        else:
            assert current is not None
            sep = "" if (current.text.endswith("-") and not current.text.endswith(" -") and stripped[:1].isalnum()) else " "
            base = len(current.text) + len(sep)
            current.text += sep + stripped
            current.markers.extend(Marker(base + m.offset, m.number) for m in markers)
        prev_text = stripped
    for block in blocks:
        _finish(block)
    return blocks


def _open_heading(block: Block) -> bool:
    """A block that began like a numbered heading and has not yet ended a sentence."""
    if block.heading_kind not in ("dotted", "letter") or len(block.text) > _MAX_HEADING:
        return False
    match = match_heading(block.text)
    rest = match.rest if match else block.text
    return not _TERMINAL.search(rest) and not re.search(r"[.!?]\s", rest)


def _classify_start(block: Block) -> None:
    style = (block.style or "").lower()
    match = match_heading(block.text)
    if match is not None:
        block.heading_kind = match.kind
        block.number = match.number
        block.level = match.level
        if match.kind in ("part", "roman"):
            block.kind = "heading"
    elif style.startswith(("heading", "title")) or is_all_caps(block.text):
        block.kind = "title"


def _finish(block: Block) -> None:
    """Decide heading vs numbered paragraph once the block is whole; split "Title: text"."""
    style = (block.style or "").lower()
    match = match_heading(block.text)
    if block.kind == "title":
        block.title = block.text
        if style.startswith("heading"):
            block.kind = "heading"
            digits = re.findall(r"\d", style)
            block.level = int(digits[0]) if digits else 1
            block.number = match.number if match else ""
            block.title = match.rest if match else block.text
        return
    if match is None or match.kind == "bullet":
        block.number = None if match is None or match.kind == "bullet" else block.number
        block.heading_kind = "bullet" if match else ""
        return
    rest = match.rest
    prefix_len = len(block.text) - len(rest)
    if match.kind in ("part", "roman") or style.startswith("heading"):
        block.kind = "heading"
        block.title = rest
        return
    colon = rest.find(":")
    if 0 < colon <= _TITLE_COLON and rest[colon + 1 :].strip() and not re.search(r"[.;]", rest[:colon]):
        _split_title(block, rest, prefix_len, colon, match.kind)
        return
    sentence_inside = re.search(r"[.!?](?:\s|$)", rest[:-1] if rest.endswith(".") else rest)
    ends = rest.rstrip().endswith((".", ";", ",")) and not rest.rstrip().endswith("...")
    if len(block.text) <= _MAX_HEADING and not sentence_inside and not ends:
        block.kind = "heading"
        block.title = rest.rstrip(" :")
        return
    block.kind = "paragraph"  # a numbered paragraph (e.g. a planned task)


def _split_title(block: Block, rest: str, prefix_len: int, colon: int, kind: str) -> None:
    """ "1. Ưu điểm: Dưới sự quan tâm…" → heading "Ưu điểm" + a paragraph with the rest."""
    block.title = rest[:colon].strip()
    body = rest[colon + 1 :]
    cut = prefix_len + colon + 1 + (len(body) - len(body.lstrip()))
    block.text = body.strip()
    block.markers = [Marker(m.offset - cut, m.number) for m in block.markers if m.offset >= cut]
    block.heading_kind = kind
    block.kind = "heading+paragraph"


def is_heading_like(match: HeadingMatch | None) -> bool:
    return match is not None and match.kind != "bullet"
