"""A stored document (the JSON of `baocao parse`) as HTML blocks, with figures and findings marked.

Every paragraph and footnote is cut at the edges of what is marked in it — extracted figures
(`Fact` rows, offsets in the paragraph's or footnote's text), the evidence of findings, and the
footnote reference markers — and each piece is wrapped in what covers it: a finding mark
(outside) and a figure span (inside). Footnotes follow the paragraph that refers to them.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
Key = tuple[str, int | None]  # (paragraph id, footnote number or None)


@dataclass
class Block:
    kind: str  # heading | paragraph | footnote
    html: str
    id: str = ""
    level: int = 0
    number: int | None = None
    findings: list[int] = field(default_factory=list)  # ids of findings first placed here


@dataclass
class Marks:
    facts: dict[Key, list[tuple[int, int, int]]] = field(default_factory=lambda: defaultdict(list))
    findings: dict[Key, list[tuple[int, int, int, str]]] = field(default_factory=lambda: defaultdict(list))
    placed: dict[int, Key] = field(default_factory=dict)  # finding id → where it is first marked


def _key(paragraph: str | None, footnote: int | None) -> Key:
    """Footnotes are found by number alone (their paragraph is where the marker stands)."""
    return ("", footnote) if footnote is not None else (paragraph or "", None)


def collect(facts: list[Any], findings: list[Any]) -> Marks:
    marks = Marks()
    for f in facts:
        if f.end > f.start and (f.paragraph or f.footnote is not None):
            marks.facts[_key(f.paragraph, f.footnote)].append((f.start, f.end, f.pk))
    for fd in findings:
        for ev in fd.evidence or ():
            start, end = ev.get("start"), ev.get("end")
            if start is None or end is None or end <= start or not (ev.get("paragraph") or ev.get("footnote")):
                continue
            key = _key(ev.get("paragraph"), ev.get("footnote"))
            marks.findings[key].append((start, end, fd.pk, fd.severity))
            marks.placed.setdefault(fd.pk, key)
    return marks


def marked_html(text: str, facts: list[tuple[int, int, int]], findings: list[tuple[int, int, int, str]],
                markers: list[tuple[int, int]] = ()) -> str:
    """`text` with figures, findings and footnote markers (offset, number) marked."""
    n = len(text)
    cuts = {0, n}
    for start, end, *_rest in (*facts, *findings):
        cuts.update((max(0, min(start, n)), max(0, min(end, n))))
    at_marker: dict[int, list[int]] = defaultdict(list)
    for offset, number in markers:
        offset = max(0, min(offset, n))
        cuts.add(offset)
        at_marker[offset].append(number)
    bounds = sorted(cuts)
    anchored: set[int] = set()
    out = []
    for a, b in zip(bounds, [*bounds[1:], n], strict=False):
        for number in at_marker.pop(a, []):
            title = html.escape(_("chú thích %(n)s") % {"n": number})
            out.append(f'<sup class="fn-ref"><a href="#fn{number}" title="{title}">{number}</a></sup>')
        if a >= b:
            continue
        piece = html.escape(text[a:b])
        fact_ids = [pk for s, e, pk in facts if s <= a and e >= b]
        covering = [(pk, sev) for s, e, pk, sev in findings if s <= a and e >= b]
        if fact_ids:
            piece = f'<span class="fig" tabindex="0" data-fact="{fact_ids[0]}">{piece}</span>'
        if covering:
            worst = min((sev for _, sev in covering), key=lambda s: SEVERITY_RANK.get(s, 3))
            ids = " ".join(str(pk) for pk, _ in covering)
            anchors = "".join(f'<a class="anchor" id="m-{pk}"></a>' for pk, _ in covering if pk not in anchored)
            anchored.update(pk for pk, _ in covering)
            piece = f'{anchors}<mark class="fd {worst}" data-findings="{ids}">{piece}</mark>'
        out.append(piece)
    for offset in sorted(at_marker):  # markers past the end of the text
        for number in at_marker[offset]:
            out.append(f'<sup class="fn-ref"><a href="#fn{number}">{number}</a></sup>')
    return "".join(out)


def _heading(section: dict[str, Any]) -> str:
    number = section.get("number") or ""
    return (f"{number}. " if number else "") + (section.get("title") or "")


def blocks(document: dict[str, Any], facts: list[Any], findings: list[Any]) -> tuple[list[Block], list[int]]:
    """The document as blocks in reading order, and the ids of findings that are marked nowhere."""
    marks = collect(facts, findings)
    notes = {fn["number"]: fn for fn in document.get("footnotes") or ()}
    notes_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fn in sorted(notes.values(), key=lambda x: x["number"]):
        if fn.get("paragraph"):
            notes_of[fn["paragraph"]].append(fn)
    first_at: dict[Key, list[int]] = defaultdict(list)
    for pk, key in marks.placed.items():
        first_at[key].append(pk)
    out: list[Block] = []
    shown_notes: set[int] = set()

    def paragraph(p: dict[str, Any]) -> None:
        pid = p["id"]
        text = p.get("text") or ""
        markers = [(fn["offset"], fn["number"]) for fn in notes_of.get(pid, []) if fn.get("offset") is not None]
        out.append(Block("paragraph", marked_html(text, marks.facts.get((pid, None), []),
                                                  marks.findings.get((pid, None), []), markers),
                         id=pid, findings=first_at.get((pid, None), [])))
        for fn in notes_of.get(pid, []):
            footnote(fn)

    def footnote(fn: dict[str, Any]) -> None:
        key = _key(None, fn["number"])
        shown_notes.add(fn["number"])
        out.append(Block("footnote", marked_html(fn.get("text") or "", marks.facts.get(key, []),
                                                 marks.findings.get(key, [])),
                         id=f"fn{fn['number']}", number=fn["number"], findings=first_at.get(key, [])))

    def walk(sections: list[dict[str, Any]], depth: int) -> None:
        for s in sections:
            out.append(Block("heading", html.escape(_heading(s)), id=s.get("id", ""), level=min(depth + 2, 5)))
            for p in s.get("paragraphs") or ():
                paragraph(p)
            walk(s.get("children") or [], depth + 1)

    for p in document.get("preamble") or ():
        paragraph(p)
    walk(document.get("sections") or [], 0)
    for number, fn in sorted(notes.items()):
        if number not in shown_notes:
            footnote(fn)
    shown = {pk for b in out for pk in b.findings}
    loose = [fd.pk for fd in findings if fd.pk not in shown]
    return out, loose
