"""Step: the closing of a report — recipients ("Nơi nhận"), signature block, signing timestamps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.parse.headings import is_all_caps
from baocao.parse.lines import Line
from baocao.text.starts import finditer_at, literal_starts

_RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?\s*(.*)$", re.IGNORECASE)
_FORM = re.compile(r"^\s*(TM|KT|TL|TUQ|Q)\s*\.\s*(.+)$")
_STAMP = re.compile(r"\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:?\d{2}|Z)?)")  # its "T" is 10 characters in
_TITLE_WORDS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG", "PHÓ TRƯỞNG",
                "BÍ THƯ", "THỦ TRƯỞNG", "CHÁNH", "PHÓ CHÁNH")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,4}$")


@dataclass(frozen=True)
class Closing:
    recipients: tuple[str, ...] = ()
    signing_lines: tuple[str, ...] = ()
    signing_form: str | None = None
    signer_title: str | None = None
    signer: str | None = None
    signed_at: tuple[str, ...] = ()


def _is_signature_line(text: str) -> bool:
    return bool(_FORM.match(text)) or text.strip().upper() in _TITLE_WORDS or (
        is_all_caps(text) and any(text.strip().upper().startswith(w) for w in _TITLE_WORDS)
    )


def find_closing_start(body: list[Line]) -> int:
    """Index of the first closing line, or len(body)."""
    n = len(body)
    for i, line in enumerate(body):
        if i < n * 0.4 and n > 30:
            continue
        text = line.text.strip()
        if _RECIPIENTS.match(text):
            return i
        if _FORM.match(text) and i > n * 0.6 and _looks_like_signature_area(body[i:]):
            return i
    # a bare title + name signature ("CHỦ TỊCH" / "Nguyễn Văn Hạnh") at the very end
    for i in range(max(0, n - 12), n):
        text = body[i].text.strip()
        if text.upper() in _TITLE_WORDS and _looks_like_signature_area(body[i:]):
            return i
    return n


def _looks_like_signature_area(rest: list[Line]) -> bool:
    texts = [line.text.strip() for line in rest if line.text.strip()]
    return len(texts) <= 40 and not any(len(t) > 90 for t in texts[:8])


def _signing_stamps(text: str) -> list[str]:
    """`_STAMP.findall(text)`, tried only ten characters before each capital T."""
    starts = [at - 10 for at in literal_starts(text, ("T",)) if at >= 10]
    return [m.group(1) for m in finditer_at(_STAMP, text, starts)]


def parse_closing(lines: list[Line], all_text: str) -> Closing:
    recipients: list[str] = []
    signing: list[str] = []
    name = None
    in_recipients = False
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        m = _RECIPIENTS.match(text)
        if m:
            in_recipients = True
            if m.group(1).strip():
                recipients.append(m.group(1).strip().lstrip("-– ").strip())
            continue
        if _STAMP.search(text):
            continue
        if _is_signature_line(text):
            in_recipients = False
            signing.append(text)
            continue
        if in_recipients:
            if text.startswith(("-", "–", "+", "•")) or not recipients:
                recipients.append(text.lstrip("-–+• ").strip())
            else:
                recipients[-1] = f"{recipients[-1]} {text}"
            continue
        if _NAME.match(text) and signing:
            name = text
        elif text.startswith("(") and "ký" in text:
            continue
    form = None
    title = None
    for s in signing:
        m = _FORM.match(s)
        if m:
            form = f"{m.group(1)}."
            title = m.group(2).strip() if m.group(1) in ("KT", "TL", "TUQ", "Q") else title
        elif s.strip().upper() in _TITLE_WORDS or is_all_caps(s):
            title = s.strip()
    stamps = tuple(_signing_stamps(all_text))
    return Closing(
        recipients=tuple(r.rstrip(" ;.") for r in recipients if r.strip()),
        signing_lines=tuple(signing),
        signing_form=form,
        signer_title=title,
        signer=name,
        signed_at=stamps,
    )
