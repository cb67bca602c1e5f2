"""Findings for people: plain text grouped by section, and one self-contained HTML page."""

from __future__ import annotations

import html
from collections import defaultdict

from baocao.check.model import Finding
from baocao.parse.model import Document

SEVERITY_VI = {"error": "LỖI", "warning": "CẢNH BÁO", "info": "GHI CHÚ"}
BOLD, RED, YELLOW, DIM, RESET = "\033[1m", "\033[31m", "\033[33m", "\033[2m", "\033[0m"


def _where(f: Finding) -> str:
    ev = f.evidence[0] if f.evidence else None
    if ev is None:
        return ""
    if ev.footnote is not None:
        return f"chú thích {ev.footnote}"
    return ev.paragraph or ""


def _highlight(sentence: str, raws: list[str], color: bool) -> str:
    out = sentence
    for raw in sorted({r for r in raws if r}, key=len, reverse=True):
        mark = f"{BOLD}{RED}{raw}{RESET}" if color else f"«{raw}»"
        out = out.replace(raw, mark)
    return out


def to_text(document: Document, findings: tuple[Finding, ...], color: bool = False) -> str:
    titles = {s.id: (f"{s.number}. {s.title}" if s.number else s.title) for s in document.iter_sections()}
    by_section: dict[str | None, list[Finding]] = defaultdict(list)
    for f in findings:
        by_section[f.section].append(f)
    counts: dict[str, int] = defaultdict(int)
    for f in findings:
        counts[f.severity] += 1
    lines = [
        f"{len(findings)} phát hiện: {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} ghi chú.",
    ]
    for section, items in by_section.items():
        lines.append("")
        head = titles.get(section or "", "Toàn văn bản") if section else "Toàn văn bản"
        lines.append(f"{BOLD}{head}{RESET}" if color else f"== {head}")
        for f in items:
            tag = SEVERITY_VI.get(f.severity, f.severity)
            if color:
                tag = f"{RED if f.severity == 'error' else YELLOW}{tag}{RESET}"
            where = _where(f)
            lines.append(f"  [{tag}] {f.message}" + (f"  ({where})" if where else "") + f"  [{f.code}]")
            sentences = []
            for ev in f.evidence:
                if ev.sentence and ev.sentence not in sentences:
                    sentences.append(ev.sentence)
            raws = [ev.raw or "" for ev in f.evidence]
            for sentence in sentences[:2]:
                text = " ".join(sentence.split())
                if len(text) > 400:
                    text = text[:400] + "…"
                lines.append(f"      {DIM if color else ''}› {_highlight(text, raws, color)}{RESET if color else ''}")
            if f.suggestion:
                lines.append(f"      Gợi ý: {f.suggestion}")
    return "\n".join(lines)


_CSS = """
body{font-family:"Times New Roman",Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.3rem} h2{font-size:1.1rem;margin-top:1.5rem} p{text-align:justify}
.f{border-radius:3px;padding:0 .1em;cursor:help}
.error{background:#fdd;border-bottom:2px solid #c00} .warning{background:#ffefc2;border-bottom:2px solid #d90}
.info{background:#e6f0ff;border-bottom:2px solid #36c}
.note{font-size:.9rem;color:#555;margin-left:1.5rem}
aside{font-family:system-ui,sans-serif;font-size:.9rem;background:#fafafa;border:1px solid #ddd;padding:.5rem 1rem;margin:.4rem 0 1rem}
aside b.error{color:#c00;background:none;border:0} aside b.warning{color:#a60;background:none;border:0}
aside b.info{color:#36c;background:none;border:0}
.summary{font-family:system-ui,sans-serif;background:#f4f4f4;padding:.5rem 1rem}
a.ref{font-family:system-ui,sans-serif;font-size:.7rem;color:#c00;text-decoration:none;margin-left:.1em;vertical-align:super}
@media print{aside{break-inside:avoid}}
"""


def _marked(text: str, spans: list[tuple[int, int, Finding, int]]) -> str:
    out = []
    last = 0
    for start, end, f, n in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < last:
            continue
        out.append(html.escape(text[last:start]))
        out.append(f'<mark class="f {f.severity}" title="{html.escape(f.message)}" id="m{n}">'
                   f'{html.escape(text[start:end])}</mark><a class="ref" href="#f{n}">[{n}]</a>')
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def to_html(document: Document, findings: tuple[Finding, ...]) -> str:
    """One page: the report's text with every finding marked in place and explained under its paragraph."""
    numbered = list(enumerate(findings, start=1))
    spans: dict[tuple[str | None, int | None], list[tuple[int, int, Finding, int]]] = defaultdict(list)
    notes_for: dict[tuple[str | None, int | None], list[tuple[int, Finding]]] = defaultdict(list)
    loose: list[tuple[int, Finding]] = []
    for n, f in numbered:
        placed = False
        for ev in f.evidence:
            key = (ev.paragraph, ev.footnote)
            if ev.start is not None and ev.end is not None and (ev.paragraph or ev.footnote is not None):
                spans[key].append((ev.start, ev.end, f, n))
                if not placed:
                    notes_for[(ev.paragraph, None) if ev.footnote is None else (ev.paragraph, ev.footnote)].append((n, f))
                placed = True
        if not placed:
            loose.append((n, f))
    meta = document.meta
    title = f"Kiểm tra báo cáo {meta.unit_kind or ''} {meta.unit_name or ''} — {meta.period.label if meta.period else ''}"
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    parts = [f"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>",
             f"<style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1>",
             f'<p class="summary">{len(findings)} phát hiện: <b>{errors} lỗi</b>, {warnings} cảnh báo. '
             "Di chuột lên phần được đánh dấu để xem giải thích.</p>"]

    def aside(items: list[tuple[int, Finding]]) -> str:
        rows = []
        for n, f in items:
            sug = f"<br>Gợi ý: {html.escape(f.suggestion)}" if f.suggestion else ""
            rows.append(f'<div id="f{n}"><b class="{f.severity}">{n}. {SEVERITY_VI[f.severity]}</b> '
                        f"{html.escape(f.message)}{sug} <small>[{f.code}]</small></div>")
        return f"<aside>{''.join(rows)}</aside>" if rows else ""

    if loose:
        parts.append("<h2>Toàn văn bản</h2>" + aside(loose))

    def section_html(sections: tuple, depth: int) -> None:  # type: ignore[type-arg]
        for s in sections:
            level = min(2 + depth, 4)
            parts.append(f"<h{level}>{html.escape((s.number + '. ' if s.number else '') + s.title)}</h{level}>")
            for p in s.paragraphs:
                parts.append(f"<p id=\"{p.id}\">{_marked(p.text, spans.get((p.id, None), []))}</p>")
                for fn in p.footnotes:
                    note = document.footnote(fn)
                    if note is not None:
                        parts.append(f'<p class="note" id="fn{fn}"><sup>{fn}</sup> '
                                     f"{_marked(note.text, spans.get((p.id, fn), []))}</p>")
                        parts.append(aside(notes_for.get((p.id, fn), [])))
                parts.append(aside(notes_for.get((p.id, None), [])))
            section_html(s.children, depth + 1)

    for p in document.preamble:
        parts.append(f"<p>{_marked(p.text, spans.get((p.id, None), []))}</p>" + aside(notes_for.get((p.id, None), [])))
    section_html(document.sections, 0)
    parts.append("</body></html>")
    return "\n".join(parts)
