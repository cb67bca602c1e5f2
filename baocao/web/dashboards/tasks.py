"""Planned tasks of a stored report, read by the core (`baocao.tasks.extract_tasks`).

The store keeps each report's document model as JSON; the core works on the frozen
dataclasses, so the JSON is turned back into a `Document` first. Results are cached per
report version (a version never changes).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

from baocao.parse.model import Document, Footnote, Meta, Paragraph, ParseWarning, Period, Section, SourceInfo


def _paragraph(d: dict[str, Any]) -> Paragraph:
    return Paragraph(id=d["id"], text=d.get("text") or "", footnotes=tuple(d.get("footnotes") or ()),
                     number=d.get("number"), page=d.get("page"), start=d.get("start") or 0)


def _section(d: dict[str, Any]) -> Section:
    return Section(id=d["id"], number=d.get("number") or "", title=d.get("title") or "", level=d.get("level") or 1,
                   paragraphs=tuple(_paragraph(p) for p in d.get("paragraphs") or ()),
                   children=tuple(_section(c) for c in d.get("children") or ()), page=d.get("page"),
                   start=d.get("start") or 0)


def document_from_dict(d: dict[str, Any]) -> Document:
    """The inverse of `Document.to_dict()` (the stored JSON)."""
    meta = dict(d.get("meta") or {})
    period = meta.pop("period", None)
    if period:
        period = Period(**{k: v for k, v in period.items() if k != "code"})
    for key in ("signing_lines", "recipients", "signed_at"):
        meta[key] = tuple(meta.get(key) or ())
    known = set(Meta.__dataclass_fields__)
    source = d.get("source")
    return Document(
        meta=Meta(period=period, **{k: v for k, v in meta.items() if k in known}),
        sections=tuple(_section(s) for s in d.get("sections") or ()),
        footnotes=tuple(Footnote(**f) for f in d.get("footnotes") or ()),
        text=d.get("text") or "",
        warnings=tuple(ParseWarning(**w) for w in d.get("warnings") or ()),
        source=SourceInfo(**source) if source else None,
        preamble=tuple(_paragraph(p) for p in d.get("preamble") or ()),
    )


def planned_tasks(version: Any) -> list[dict[str, Any]]:
    """The key tasks a report plans for the next period (meetings left out), as plain dicts."""
    key = f"baocao:tasks:{version.pk}:{version.sha256[:16]}"
    found = cache.get(key)
    if found is not None:
        return found
    from baocao.tasks import extract_tasks

    try:
        tasks = extract_tasks(document_from_dict(version.document or {}))
    except Exception:  # an old or odd stored document: no tasks rather than a broken page
        tasks = []
    found = [{"number": t.number, "text": t.text, "sector": t.sector, "period": t.period, "units": list(t.units),
              "paragraph": t.paragraph} for t in tasks if t.kind == "task"]
    cache.set(key, found, 24 * 3600)
    return found
