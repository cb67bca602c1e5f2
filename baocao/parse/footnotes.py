"""Step 2: take footnote blocks out of the body stream and join footnote texts.

A block starts at a separator line (or lines the reader marked as footnotes) and
ends where the next page begins. A line that starts with the next expected
footnote number starts a footnote; any other line continues the current one,
including the first line of a block that continues a footnote from the page
before.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from baocao.parse.headings import match_heading
from baocao.parse.lines import Line
from baocao.parse.model import ParseWarning

_START = re.compile(r"^\s*(\d{1,3})(?=\s|[.)\]:](?!\d)|[A-ZĐÀ-Ỹa-zđà-ỹ(“\"])\s*[.):]?\s*")
_CLOSING = re.compile(r"^\s*(Nơi nhận|TM\.|KT\.|TL\.|TUQ\.)", re.IGNORECASE)


@dataclass
class RawFootnote:
    number: int
    parts: list[str] = field(default_factory=list)
    page: int = 0
    block_at: int = 0  # number of body lines before the block where it starts
    markers: list[int] = field(default_factory=list)


@dataclass
class Split:
    body: list[Line]
    footnotes: list[RawFootnote]
    warnings: list[ParseWarning]


def split_footnotes(stream: list[Line]) -> Split:
    body: list[Line] = []
    notes: list[RawFootnote] = []
    warnings: list[ParseWarning] = []
    in_block = False
    ruled = False  # the block began at a rule ("__________"): it ends where a footnote has ended
    pause = False  # a blank line after a footnote that ended a sentence
    for i, line in enumerate(stream):
        if line.kind == "footnote" and line.whole_paragraph and line.footnote is not None:
            notes.append(RawFootnote(number=line.footnote, parts=[line.text.strip()], page=line.page, block_at=len(body)))
            continue
        if line.kind == "separator":
            in_block, ruled = True, False
            continue
        if line.kind == "body" and _RULE.fullmatch(line.text.strip()) and _rule_opens_block(stream, i, notes):
            in_block, ruled = True, True
            continue
        if (line.kind == "blank" and len(line.text) >= _SHORT_SEPARATOR and _rule_opens_block(stream, i, notes)
                and _marked(body, _next_number(notes))):
            in_block, ruled = True, True  # a separator of fewer spaces than SEPARATOR_MIN
            continue
        if in_block and ruled and line.kind == "body" and notes and not _starts_next(line.text, notes) and (
                _ENDED.search(notes[-1].parts[-1]) or match_heading(line.text.strip())):
            in_block = False  # "__________ / 1 … / 2 … / III. ĐÁNH GIÁ CHUNG": the body goes on
        if line.kind == "footnote":
            in_block = True
        elif in_block and (
            line.page_start or line.kind == "page_number" or _CLOSING.match(line.text) or (line.kind == "body" and line.size)
        ):
            in_block = False
        elif in_block and pause and line.kind == "body" and not _starts_next(line.text, notes):
            in_block = False  # the block ended before a blank line; what follows is body (a signer's name)
        pause = in_block and line.kind == "blank" and bool(notes) and bool(re.search(r"[.!?]\s*$", notes[-1].parts[-1]))
        inline = _inline_footnote(line.text, body, notes) if not in_block and line.kind == "body" else None
        if inline is not None:
            notes.append(RawFootnote(number=int(inline.group(1)), parts=[line.text[inline.end():].strip()],
                                     page=line.page, block_at=len(body)))
            continue
        if not in_block:
            if line.kind in ("body", "blank", "page_number"):
                body.append(line)
            continue
        if line.kind == "blank":
            continue
        _add_footnote_line(line, notes, len(body), warnings)
    _check_sequence(notes, warnings)
    return Split(body=body, footnotes=notes, warnings=warnings)


# a rule printed as a footnote separator (plain text of a DOCX): underscores or dashes only
_RULE = re.compile(r"_{5,}|[-–—]{5,}")
_ENDED = re.compile(r"[.!?;)”\"]\s*$")


def _rule_opens_block(stream: list[Line], at: int, notes: list[RawFootnote]) -> bool:
    """A rule separates footnotes when the next line with text starts the next footnote."""
    following = next((line for line in stream[at + 1:] if line.text.strip()), None)
    return following is not None and following.kind == "body" and _starts_next(following.text, notes)


# A line of this many spaces or more, shorter than a separator (lines.SEPARATOR_MIN), opens a
# footnote block when the next line starts the next footnote and the body marked it just before
# (a narrow rule in the text layer of a double-spaced PDF).
_SHORT_SEPARATOR = 4
_MARKED_WITHIN = 40  # body lines back where the marker must stand


def _marked(body: list[Line], number: int) -> bool:
    """A marker `number` is glued to a word, percent or bracket in one of the last body lines."""
    glued = _glued(number)
    return any(glued.search(line.text) for line in body[-_MARKED_WITHIN:] if line.kind == "body")


def _glued(number: int | str) -> re.Pattern[str]:
    """A footnote marker `number` glued to a word, percent or bracket ("công chức1;", "40%1")."""
    return re.compile(rf"(?<=[^\W\d_]|[%)”]){number}(?!\d|[^\W\d_])")


def _next_number(notes: list[RawFootnote]) -> int:
    return notes[-1].number + 1 if notes else 1


def _inline_footnote(text: str, body: list[Line], notes: list[RawFootnote]) -> re.Match[str] | None:
    """A footnote printed as a line of its own right after its paragraph (plain text, DOCX
    pasted as text): "1 Trong đó: …" after a line that holds the glued marker ("công chức1;",
    "dự toán2", "40%1"), numbered as the next footnote."""
    m = _INLINE_START.match(text)
    if m is None or int(m.group(1)) != _next_number(notes):
        return None
    previous = next((line.text for line in reversed(body) if line.kind == "body"), "")
    return m if _glued(m.group(1)).search(previous) else None


# a footnote line: its number, a space, then a word or bracket (not "1." or "1)" of a list)
_INLINE_START = re.compile(r"^\s*(\d{1,3})[ \t]+(?=[^\W\d_]|[(“\"])")


def _starts_next(text: str, notes: list[RawFootnote]) -> bool:
    m = _START.match(text.strip())
    return m is not None and int(m.group(1)) == _next_number(notes)


def _add_footnote_line(line: Line, notes: list[RawFootnote], body_len: int, warnings: list[ParseWarning]) -> None:
    expected = _next_number(notes)
    text = line.text.strip()
    number = line.footnote
    if number is None:
        m = _START.match(text)
        if m and int(m.group(1)) == expected:
            number = expected
            text = text[m.end() :]
    elif number == expected:
        pass
    if number is not None and number == expected:
        notes.append(RawFootnote(number=number, parts=[text.strip()], page=line.page, block_at=body_len))
        return
    if notes:
        notes[-1].parts.append(text)
        return
    warnings.append(
        ParseWarning("footnote_text_without_number", f"Dòng chú thích không rõ số: «{text[:60]}»", f"line {line.index + 1}")
    )


def _check_sequence(notes: list[RawFootnote], warnings: list[ParseWarning]) -> None:
    for prev, cur in itertools.pairwise(notes):
        if cur.number != prev.number + 1:
            warnings.append(
                ParseWarning(
                    "footnote_sequence",
                    f"Chú thích số {cur.number} đứng sau chú thích số {prev.number}.",
                    f"footnote {cur.number}",
                )
            )


def join_parts(parts: list[str]) -> str:
    """Join the lines of one footnote: wrapped words rejoined, hyphenated codes kept whole."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith("-") and not out.endswith(" -") and part[:1].isalnum():
            out += part
        else:
            out += " " + part
    return re.sub(r"[ \t]{2,}", " ", out)
