"""Rules of the official format (Decree 30/2020/NĐ-CP), where the header and signature are printed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.check.common import Report
from baocao.check.model import Evidence, Finding

_NUMBER = re.compile(r"^(?:\d+|[.…]+)/(?:\d{4}/)?([A-ZĐ]{1,6})-([A-ZĐ][A-ZĐ\d-]*)$")
_DATE_LINE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DEPUTY = re.compile(r"^PHÓ\s", re.IGNORECASE)
_HEAD = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "CHÁNH VĂN PHÒNG")


def _f(code: str, severity: str, message: str, sentence: str, suggestion: str | None = None) -> Finding:
    return Finding(code=code, severity=severity, message=message, evidence=(Evidence(sentence=sentence),),
                   suggestion=suggestion, rule="official_format")


def number_symbol(report: Report) -> Iterator[Finding]:
    meta = report.document.meta
    if not meta.has_header:
        return
    if not meta.number:
        yield _f("number_missing", "warning", "Văn bản có phần đầu nhưng không ghi «Số: …/BC-…».", meta.issuer or "",
                 "Ghi số và ký hiệu, ví dụ «Số: 123/BC-UBND».")
        return
    m = _NUMBER.match(meta.number)
    if not m:
        yield _f("number_malformed", "error", f"Số và ký hiệu «{meta.number}» không đúng dạng «123/BC-UBND».",
                 f"Số: {meta.number}")
    elif meta.doc_type == "report" and m.group(1) != "BC":
        yield _f("number_type_code", "warning",
                 f"Báo cáo phải mang chữ viết tắt loại văn bản «BC» trong ký hiệu, nhưng ghi «{m.group(1)}».",
                 f"Số: {meta.number}", f"…/BC-{m.group(2)}")


def date_line(report: Report) -> Iterator[Finding]:
    meta = report.document.meta
    if not meta.date_line:
        return
    m = _DATE_LINE.search(meta.date_line)
    if not m:
        return
    day, month = m.group(1), m.group(2)
    if int(day) < 10 and not day.startswith("0"):
        yield _f("date_line_day", "error", f"Ngày dưới 10 phải viết có số 0 ở trước: «ngày {day}» → «ngày 0{day}».",
                 meta.date_line, f"ngày 0{day}")
    if int(month) in (1, 2) and not month.startswith("0"):
        yield _f("date_line_month", "error", f"Tháng 1, 2 phải viết có số 0 ở trước: «tháng {month}» → «tháng 0{month}».",
                 meta.date_line, f"tháng 0{month}")
    if int(month) >= 3 and month.startswith("0"):
        yield _f("date_line_month", "warning", f"Tháng từ 3 trở đi không viết số 0 ở trước: «tháng {month}».",
                 meta.date_line, f"tháng {int(month)}")


def signature(report: Report) -> Iterator[Finding]:
    meta = report.document.meta
    lines = [line.upper() for line in meta.signing_lines]
    if not lines:
        return
    title = (meta.signer_title or "").upper()
    sentence = " / ".join(meta.signing_lines)
    forms = [line.split(".")[0].strip() for line in lines if re.match(r"^(TM|KT|TL|TUQ|Q)\s*\.", line)]
    if "KT" in forms and title and not _DEPUTY.match(title):
        yield _f("signature_form", "error", f"Ký thay (KT.) thì người ký phải là cấp phó, nhưng chức danh là «{title}».",
                 sentence)
    if "KT" not in forms and "TL" not in forms and "TUQ" not in forms and _DEPUTY.match(title):
        yield _f("signature_form", "error", f"Cấp phó «{title}» ký thì phải ghi «KT.» trước chức danh người đứng đầu.",
                 sentence, f"KT. {title.replace('PHÓ ', '', 1)}")
    if meta.unit_kind and "TM" not in forms and meta.doc_type in ("report", "work_programme") and any(
        title.endswith(h) for h in _HEAD
    ) and not forms:
        yield _f("signature_form", "warning", "Văn bản của Ủy ban nhân dân (tập thể) phải ký «TM. ỦY BAN NHÂN DÂN».",
                 sentence, "TM. ỦY BAN NHÂN DÂN")
    if not meta.recipients:
        yield _f("recipients_missing", "warning", "Văn bản thiếu phần «Nơi nhận».", sentence)
