"""The core `Document` of a stored report version, rebuilt from its JSON (`Document.to_dict()`).

Matching tasks needs the next report's document; re-reading the original file would run the
whole pipeline again, while the JSON kept with every version holds all the matcher reads.
"""

from __future__ import annotations

from typing import Any

from baocao.parse.model import Document, Footnote, Meta, Paragraph, ParseWarning, Period, Section, SourceInfo


def _paragraph(d: dict[str, Any]) -> Paragraph:
    return Paragraph(id=d["id"], text=d["text"], footnotes=tuple(d.get("footnotes") or ()), number=d.get("number"),
                     page=d.get("page"), start=d.get("start", 0))


def _section(d: dict[str, Any]) -> Section:
    return Section(id=d["id"], number=d.get("number", ""), title=d.get("title", ""), level=d.get("level", 1),
                   paragraphs=tuple(_paragraph(p) for p in d.get("paragraphs") or ()),
                   children=tuple(_section(c) for c in d.get("children") or ()), page=d.get("page"),
                   start=d.get("start", 0))


def _period(d: dict[str, Any] | None) -> Period | None:
    if not d:
        return None
    return Period(kind=d["kind"], year=d["year"], month=d.get("month"), quarter=d.get("quarter"),
                  half=d.get("half"), label=d.get("label", ""))


def _meta(d: dict[str, Any]) -> Meta:
    known = set(Meta.__dataclass_fields__)
    fields = {k: v for k, v in d.items() if k in known}
    fields["period"] = _period(d.get("period"))
    for name in ("signing_lines", "recipients", "signed_at"):
        fields[name] = tuple(fields.get(name) or ())
    return Meta(**fields)


def document_from_dict(d: dict[str, Any]) -> Document:
    source = d.get("source")
    return Document(
        meta=_meta(d.get("meta") or {}),
        sections=tuple(_section(s) for s in d.get("sections") or ()),
        footnotes=tuple(Footnote(**{k: v for k, v in f.items() if k in Footnote.__dataclass_fields__})
                        for f in d.get("footnotes") or ()),
        text=d.get("text", ""),
        warnings=tuple(ParseWarning(**w) for w in d.get("warnings") or ()),
        source=SourceInfo(**source) if source else None,
        preamble=tuple(_paragraph(p) for p in d.get("preamble") or ()),
    )
