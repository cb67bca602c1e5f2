"""Sentences of a stored document (the JSON of `baocao parse`) → rows of the search index."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.extract.sentences import sentence_spans
from baocao.text.normalize import fold

MAX_SENTENCE = 4000  # a paragraph without full stops is still one row, cut at this length


def heading(section: dict[str, Any]) -> str:
    number = section.get("number") or ""
    return (f"{number}. " if number else "") + (section.get("title") or "")


def _pieces(text: str) -> Iterator[tuple[int, int, str]]:
    for start, end in sentence_spans(text):
        piece = text[start:end].rstrip()
        if piece.strip():
            yield start, start + len(piece[:MAX_SENTENCE]), piece[:MAX_SENTENCE]


def sentences_of(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every sentence of the body and of the footnotes, with its place and section heading."""
    section_of: dict[str, str] = {}

    def walk(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for s in sections:
            title = heading(s)
            for p in s.get("paragraphs") or ():
                section_of[p["id"]] = title
                for start, end, text in _pieces(p.get("text") or ""):
                    yield {"paragraph": p["id"], "footnote": None, "start": start, "end": end,
                           "section": title[:300], "text": text}
            yield from walk(s.get("children") or [])

    for p in document.get("preamble") or ():
        for start, end, text in _pieces(p.get("text") or ""):
            yield {"paragraph": p["id"], "footnote": None, "start": start, "end": end, "section": "", "text": text}
    yield from walk(document.get("sections") or [])
    for note in document.get("footnotes") or ():
        where = note.get("paragraph") or ""
        for start, end, text in _pieces(note.get("text") or ""):
            yield {"paragraph": where, "footnote": note["number"], "start": start, "end": end,
                   "section": section_of.get(where, "")[:300], "text": text}


def index_version(version: Any, model: Any = None) -> int:
    """Write the sentences of one report version; returns how many."""
    if model is None:
        from baocao.web.search.models import Sentence as model
    from baocao.web.dbutil import fast_insert

    report = version.report
    end = report.period.window_end
    rows = [dict(report_id=report.pk, version_id=version.pk, unit_id=report.unit_id, period_id=report.period_id,
                 period_end=end, folded=fold(row["text"]), **row)
            for row in sentences_of(version.document or {})]
    fast_insert(model, rows)  # one executemany (COPY on PostgreSQL): the ORM's bulk_create cost ~6 ms a version
    return len(rows)


def drop_version(version: Any, model: Any = None) -> None:
    if model is None:
        from baocao.web.search.models import Sentence as model
    model.objects.filter(version_id=version.pk).delete()
