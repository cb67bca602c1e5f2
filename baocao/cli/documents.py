"""Commands on one document: parse (and, as stages land, extract and check)."""

from __future__ import annotations

import argparse
from pathlib import Path

from baocao.cli.main import registrar
from baocao.cli.output import print_json, shorten
from baocao.config import Config
from baocao.extract.model import Fact
from baocao.parse.model import Document, Section
from baocao.pipeline import analyze


def config_from(args: argparse.Namespace) -> Config:
    max_mb = getattr(args, "max_mb", None)
    return Config(max_bytes=int(max_mb * 1024 * 1024)) if max_mb else Config()


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="tệp báo cáo (PDF, DOCX hoặc TXT)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy")
    p.add_argument("--max-mb", type=float, default=None, help="giới hạn kích thước tệp (MB, mặc định 50)")


@registrar
def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("parse", help="đọc một báo cáo và in cấu trúc của nó")
    _common(p)
    p.set_defaults(handler=cmd_parse)
    p = sub.add_parser("extract", help="in mọi số liệu của một báo cáo, kèm ý nghĩa và vị trí")
    _common(p)
    p.set_defaults(handler=cmd_extract)
    p = sub.add_parser("check", help="kiểm tra một báo cáo: cộng tổng, tỷ lệ, ngày tháng, cấu trúc, thể thức")
    _common(p)
    p.add_argument("--previous", type=Path, nargs="*", default=[], metavar="FILE",
                   help="các báo cáo kỳ trước, để kiểm tra số lũy kế và so sánh với tháng trước")
    p.add_argument("--strict", action="store_true", help="trả mã thoát 1 khi có lỗi (dùng trong quy trình duyệt)")
    p.add_argument("--format", choices=("text", "html", "json"), default=None,
                   help="định dạng kết quả: text (mặc định), html (một trang có đánh dấu tại chỗ), json")
    p.add_argument("--out", type=Path, default=None, help="ghi kết quả vào tệp thay vì in ra")
    p.set_defaults(handler=cmd_check)


def cmd_parse(args: argparse.Namespace) -> int:
    analysis = analyze(args.file, config_from(args), upto="parse")
    doc = analysis.document
    if args.json:
        print_json(doc.to_dict())
        return 0
    print_document(doc)
    return 0


def print_document(doc: Document) -> None:
    m = doc.meta
    period = f"{m.period.label} ({m.period.code})" if m.period else "không rõ"
    unit = f"{m.unit_kind or ''} {m.unit_name or ''}".strip() or "không rõ"
    print(f"Đơn vị: {unit}  [cấp: {m.level or 'không rõ'}]")
    print(f"Kỳ báo cáo: {period}")
    print(f"Loại văn bản: {m.doc_type}" + (f"  Số: {m.number}" if m.number else ""))
    if m.title:
        print(f"Tiêu đề: {m.title}")
    if m.signer or m.signer_title:
        print(f"Người ký: {' '.join(x for x in (m.signing_form, m.signer_title, m.signer) if x)}")
    if m.recipients:
        print(f"Nơi nhận: {len(m.recipients)} nơi")
    if m.signed_at:
        print(f"Ký số lúc: {', '.join(m.signed_at)}")
    print()
    print("Cấu trúc:")
    for p in doc.preamble:
        print(f"  ({p.id}) {shorten(p.text, 90)}")
    _print_sections(doc.sections, 1)
    if doc.footnotes:
        print()
        print(f"Chú thích ({len(doc.footnotes)}):")
        for f in doc.footnotes:
            where = f"{f.paragraph}@{f.offset}" if f.paragraph else "không rõ vị trí"
            print(f"  [{f.number}] {where} «…{f.anchor[-30:]}» → {shorten(f.text, 70)}")
    if doc.warnings:
        print()
        print(f"Cảnh báo ({len(doc.warnings)}):")
        for w in doc.warnings:
            print(f"  - [{w.code}] {w.message} ({w.location})")


def _print_sections(sections: tuple[Section, ...], depth: int) -> None:
    for s in sections:
        head = f"{s.number}. {s.title}" if s.number else s.title
        print(f"{'  ' * depth}{shorten(head, 90)}  [{len(s.paragraphs)} đoạn]")
        _print_sections(s.children, depth + 1)


def cmd_extract(args: argparse.Namespace) -> int:
    analysis = analyze(args.file, config_from(args), upto="extract")
    if args.json:
        print_json({"meta": analysis.document.to_dict()["meta"], "facts": [f.to_dict() for f in analysis.facts]})
        return 0
    print_facts(analysis.document, analysis.facts)
    return 0


def print_facts(doc: Document, facts: tuple[Fact, ...]) -> None:
    from baocao.extract.numbers import format_number

    print(f"{len(facts)} số liệu trong báo cáo {doc.meta.unit_kind or ''} {doc.meta.unit_name or ''}".rstrip())
    for f in facts:
        where = f"chú thích {f.footnote}" if f.footnote is not None else f.paragraph
        q = f.qualifiers
        tags = [SCOPE_VI.get(q.scope, q.scope)]
        if q.estimate:
            tags.append("ước")
        if q.approx:
            tags.append(q.approx)
        if q.as_of:
            tags.append(f"đến {q.as_of}")
        value = format_number(f.value, min(f.decimals, 2) if f.value != int(f.value) else 0)
        rel = ", ".join(f"{r.kind}→{r.target}" + (f" [{r.basis}]" if r.basis else "") for r in f.relations)
        print(f"{f.id:>5} [{where}] «{shorten(f.raw, 30)}» = {value} {f.unit} | {shorten(f.subject, 45)}"
              f" | {', '.join(tags)}" + (f" | {f.indicator}" if f.indicator else "") + (f" | {rel}" if rel else ""))


SCOPE_VI = {"period": "trong kỳ", "cumulative": "lũy kế", "year_to_date": "từ đầu năm", "since": "từ ngày"}


def cmd_check(args: argparse.Namespace) -> int:
    import sys

    from baocao.check.render import to_html, to_text

    config = config_from(args)
    previous = [analyze(p, config, upto="extract") for p in args.previous]
    analysis = analyze(args.file, config, upto="check", previous=previous)
    fmt = "json" if args.json else (args.format or "text")
    if fmt == "json":
        import json

        body = json.dumps({"meta": analysis.document.to_dict()["meta"],
                           "findings": [f.to_dict() for f in analysis.findings]}, ensure_ascii=False, indent=2)
    elif fmt == "html":
        body = to_html(analysis.document, analysis.findings)
    else:
        body = to_text(analysis.document, analysis.findings, color=args.out is None and sys.stdout.isatty())
    if args.out:
        args.out.write_text(body + "\n", encoding="utf-8")
        print(f"Đã ghi {len(analysis.findings)} phát hiện vào {args.out}")
    else:
        print(body)
    errors = sum(1 for f in analysis.findings if f.severity == "error")
    return 1 if args.strict and errors else 0
