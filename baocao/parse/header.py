"""Step: the header block (issuing body, national motto, number, place and date, title)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.parse.headings import is_all_caps, match_heading
from baocao.parse.lines import Line
from baocao.text.dates import parse_date_line

MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)
MOTTO2 = re.compile(r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.IGNORECASE)
ISSUER = re.compile(r"^(ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b|^UBND\b|^HỘI\s+ĐỒNG|^VĂN\s+PHÒNG|^SỞ\s")
NUMBER = re.compile(r"Số\s*:\s*([0-9]*\s*(?:[./…]+)?\s*/?\s*[A-ZĐ0-9]+(?:[-/][A-ZĐ0-9]+)*|[.…]+/[A-ZĐ-]+)")
DOC_TYPES = {"BÁO CÁO": "report", "KẾ HOẠCH": "plan", "CHƯƠNG TRÌNH": "work_programme", "THÔNG BÁO": "other",
             "TỜ TRÌNH": "other", "QUYẾT ĐỊNH": "other", "CÔNG VĂN": "other"}
_RULE = re.compile(r"^[\s\-–—_=.*]{3,}$")


@dataclass(frozen=True)
class Header:
    present: bool = False
    issuer: str | None = None
    number: str | None = None
    date_line: str | None = None
    place: str | None = None
    issued_on: str | None = None
    doc_type: str | None = None
    title: str | None = None
    consumed: int = 0  # body lines that belong to the header


def parse_header(body: list[Line]) -> Header:
    issuer: list[str] = []
    number = date_line = place = issued_on = doc_type = None
    title: list[str] = []
    present = False
    i = 0
    n = min(len(body), 30)
    last_header = -1
    last_was_title = False
    while i < n:
        text = body[i].text.strip()
        if not text or body[i].kind != "body":
            i += 1
            continue
        if match_heading(text) and match_heading(text).kind in ("roman", "part"):  # type: ignore[union-attr]
            break
        handled = False
        motto = MOTTO.search(text)
        if motto:
            present = True
            handled = True
            left = text[: motto.start()].strip()
            if left:
                issuer.append(left)
        elif MOTTO2.search(text):
            handled = True
            left = MOTTO2.sub("", text).strip()
            if left and not _RULE.match(left):
                issuer.append(left)
        if ISSUER.match(text) and not motto and (is_all_caps(text) or len(text) < 40):
            present = True
            handled = True
            issuer.append(text)
        m = NUMBER.search(text)
        if m and i < 20:
            present = True
            handled = True
            number = m.group(1).replace(" ", "")
        parsed = parse_date_line(text)
        if parsed is not None:
            present = True
            handled = True
            date_line, place, issued_on = parsed
        upper = text.upper()
        if upper in DOC_TYPES and is_all_caps(text):
            doc_type = DOC_TYPES[upper]
            present = True
            handled = True
        elif issuer and not handled and is_all_caps(text) and not doc_type and not number and len(issuer) < 3 \
                and len(text) < 60:
            issuer.append(text)  # "ỦY BAN NHÂN DÂN" / "TỈNH CAO SƠN"
            handled = True
        elif title and not handled and last_was_title and (text[:1].islower() or text[:1].isdigit()):
            title[-1] = f"{title[-1]} {text}"  # a wrapped title line
            handled = True
        elif (doc_type is not None or present) and not handled and len(title) < 4 and _looks_like_title(text):
            title.append(text)
            handled = True
        last_was_title = handled and bool(title) and (title[-1].endswith(text))
        if _RULE.match(text) or text.lower().startswith("kính gửi"):
            handled = True
        if not handled:
            break
        last_header = i
        i += 1
    if not present:
        return Header()
    return Header(
        present=True,
        issuer=" ".join(issuer) or None,
        number=number,
        date_line=date_line,
        place=place,
        issued_on=issued_on,
        doc_type=doc_type,
        title=" ".join(title) or None,
        consumed=last_header + 1,
    )


def _looks_like_title(text: str) -> bool:
    if is_all_caps(text):
        return True
    if text.rstrip().endswith((".", ":", ";")) or len(text) > 160:
        return False  # "Thực hiện Công văn số …, UBND phường báo cáo như sau:" opens the body
    return bool(re.match(r"^(Về|Tình hình|Kết quả|Công tác|V/v|Chương trình|Thực hiện)\b", text))
