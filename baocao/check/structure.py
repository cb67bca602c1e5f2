"""Rules on the structure: heading numbers as printed, required parts per document type."""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.check.common import Report
from baocao.check.model import Evidence, Finding

_SEVERITY = {"heading_duplicate": "error", "heading_skipped": "warning", "heading_out_of_order": "error",
             "heading_prefix_mismatch": "warning"}


def heading_numbers(report: Report) -> Iterator[Finding]:
    sections = {s.id: s for s in report.document.iter_sections()}
    for w in report.document.warnings:
        if not w.code.startswith("heading_"):
            continue
        node = sections.get(w.location)
        sentence = f"{node.number}. {node.title}" if node else w.location
        para = report.document.paragraph(w.location) if node is None else None
        if para is not None:
            sentence = para.text[:120]
        yield Finding(code=w.code, severity=_SEVERITY.get(w.code, "warning"), message=w.message,
                      evidence=(Evidence(sentence=sentence, paragraph=para.id if para else None),),
                      section=node.id if node else report.section_of.get(w.location), rule="heading_numbers",
                      suggestion="Đánh số lại các mục cho liên tục.")


_REQUIRED = {
    "report": (
        ("results", r"KẾT\s+QUẢ|TÌNH\s+HÌNH", "phần kết quả thực hiện (KẾT QUẢ ĐẠT ĐƯỢC / TÌNH HÌNH …)"),
        ("tasks", r"NHIỆM\s+VỤ|PHƯƠNG\s+HƯỚNG|GIẢI\s+PHÁP", "phần nhiệm vụ trọng tâm kỳ tới"),
    ),
    "work_programme": (("tasks", r"TRỌNG\s+TÂM|NHIỆM\s+VỤ", "phần nhiệm vụ trọng tâm"),),
}


def required_parts(report: Report) -> Iterator[Finding]:
    meta = report.document.meta
    rules = _REQUIRED.get(meta.doc_type, ())
    titles = " | ".join(s.title.upper() for s in report.document.iter_sections()) + " | " + (meta.title or "").upper()
    for _name, pattern, label in rules:
        if not re.search(pattern, titles):
            yield Finding(code="missing_part", severity="warning",
                          message=f"Báo cáo thiếu {label}.",
                          evidence=(Evidence(sentence=meta.title or ""),), rule="required_parts",
                          suggestion=f"Bổ sung {label}.")
    if meta.doc_type == "report" and not re.search(r"ĐÁNH\s+GIÁ|HẠN\s+CHẾ|KHÓ\s+KHĂN", titles + report.document.text.upper()):
        yield Finding(code="missing_part", severity="info", message="Báo cáo chưa có phần đánh giá chung (ưu điểm, hạn chế).",
                      evidence=(Evidence(sentence=meta.title or ""),), rule="required_parts")
