"""Step: what the document is — unit, level, period, type — from its header when it
has one, else from the body ("UBND phường …", "trên địa bàn phường Tam Thanh",
"Trong tháng 11 năm 2025", the title and the key-tasks heading)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from baocao.parse.closing import Closing
from baocao.parse.header import Header
from baocao.parse.model import Meta, Period, Section
from baocao.text.normalize import fold
from baocao.text.periods import find_period, previous_period
from baocao.text.starts import finditer_at, literal_starts

KINDS = ("đặc khu", "thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
COMMUNE_KINDS = {"phường", "xã", "đặc khu", "thị trấn"}
DISTRICT_KINDS = {"huyện", "quận", "thị xã"}
_KIND_RE = "|".join(KINDS)
_NAME = r"(\w+(?:[ \-]\w+){0,4})"
_BODIES = ("UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "HĐND", "Đảng ủy", "Đảng uỷ")
# _SELF and _NAMED begin with one of _BODIES, KINDS (searched with finditer_at)
_SELF = re.compile(rf"\b(?:{'|'.join(_BODIES)})\s+({_KIND_RE})\b(?!\s+[A-ZĐ]\w)")
_NAMED = re.compile(rf"\b({_KIND_RE})\s+{_NAME}")
# "(?:trên\s+)?địa" spelt as two branches, so that re looks only at "t" and "đ"
_AREA = re.compile(rf"(?:trên\s+địa|địa)\s+bàn\s+({_KIND_RE})\s+{_NAME}")
_BARE_AREA = re.compile(rf"địa\s+bàn\s+({_KIND_RE})\b(?!\s+[A-ZĐ]\w)")
_RECIPIENT_UNIT = re.compile(rf"UBND\s+({_KIND_RE})\b")
_ISSUER_KIND = re.compile(rf"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+({'|'.join(k.upper() for k in KINDS)})\s+(.+)$")


@lru_cache(maxsize=1)
def central_cities() -> frozenset[str]:
    """Folded names of centrally-run cities (province level), from the unit list data file."""
    names = set()
    try:
        with resources.files("baocao.data").joinpath("admin_units.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("level") == "province" and row.get("kind") == "thành phố":
                    names.add(fold(row["name"].replace("Thành phố", "").replace("thành phố", "").strip()))
    except (FileNotFoundError, ModuleNotFoundError):
        pass
    return frozenset(names or {"ha noi", "hue", "hai phong", "da nang", "ho chi minh", "can tho"})


def level_of(kind: str | None, name: str | None) -> str | None:
    if kind is None:
        return None
    if kind == "tỉnh":
        return "province"
    if kind == "thành phố":
        return "province" if name and fold(name) in central_cities() else "district"
    if kind in DISTRICT_KINDS:
        return "district"
    if kind in COMMUNE_KINDS:
        return "commune"
    return None


def infer_unit(header: Header, text: str, recipients: tuple[str, ...] = ()) -> tuple[str | None, str | None]:
    """(unit_kind, unit_name) of the issuing committee."""
    if header.issuer:
        m = _ISSUER_KIND.search(header.issuer.upper().replace("UBND", "ỦY BAN NHÂN DÂN"))
        if m:
            kind = m.group(1).lower()
            words = header.issuer.split()
            name_words = words[-len(m.group(2).split()) :]
            return kind, " ".join(w.capitalize() for w in name_words)
    votes: Counter[str] = Counter()
    for m in finditer_at(_SELF, text, literal_starts(text, _BODIES)):
        votes[m.group(1).lower()] += 3
    for m in _BARE_AREA.finditer(text):
        votes[m.group(1).lower()] += 2
    opening = text[:400]
    for m in re.finditer(rf"(?:UBND|Ủy ban nhân dân)\s+({_KIND_RE})\s+{_NAME}", opening):
        if _clean_name(m.group(2)):
            votes[m.group(1).lower()] += 12
    for recipient in recipients:
        m = _RECIPIENT_UNIT.match(recipient)
        if m:  # "UBND tỉnh (b/c)": the body the report goes to, not the one that writes it
            votes[m.group(1).lower()] -= 6
    names: dict[str, Counter[str]] = {}
    for m in _AREA.finditer(text):
        kind = m.group(1).lower()
        name = _clean_name(m.group(2))
        if name:
            votes[kind] += 2
            names.setdefault(kind, Counter())[name] += 3
    for m in finditer_at(_NAMED, text, literal_starts(text, KINDS)):
        kind = m.group(1).lower()
        name = _clean_name(m.group(2))
        if name:
            names.setdefault(kind, Counter())[name] += 1
    if not votes:
        return None, None
    kind = votes.most_common(1)[0][0]
    candidates = names.get(kind)
    best: str | None = candidates.most_common(1)[0][0] if candidates else None
    return kind, best


def _clean_name(name: str) -> str:
    """Leading capitalised words of a place name ("Tam Thanh", "Lạng Sơn", "Hoàng Văn Thụ")."""
    out: list[str] = []
    for w in re.split(r"[ ]", name):
        if not w or not (w[0].isupper() or (out and re.fullmatch(r"[IVX]+|\d{1,2}", w))):
            break
        out.append(w)
        if len(out) == 4:
            break
    return " ".join(out)


# Titles of the part about the next period ("NHIỆM VỤ TRỌNG TÂM THÁNG 12/2025"), as opposed to
# "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11/2025", which is about this one.
_NEXT_PERIOD = re.compile(r"NHIỆM\s+VỤ\s+TRỌNG\s+TÂM|NHIỆM\s+VỤ,\s+GIẢI\s+PHÁP|PHƯƠNG\s+HƯỚNG|NHIỆM\s+VỤ\s+(?:CÔNG\s+TÁC\s+)?(?:THÁNG|QUÝ|NĂM)\s+TỚI")


def infer_period(title: str | None, sections: list[Section], paragraphs: list[str], doc_type: str) -> Period | None:
    if title:
        p = find_period(title)
        if p:
            return p
    for s in sections[:12]:
        if s.level <= 1 and re.search(r"TÌNH HÌNH|KẾT QUẢ|TRỌNG TÂM CÔNG TÁC", s.title.upper()):
            if doc_type != "work_programme" and _NEXT_PERIOD.search(s.title.upper()):
                continue
            p = find_period(s.title)
            if p:
                return p
    counts: Counter[Period] = Counter()
    for text in paragraphs[:40]:
        for m in re.finditer(r"(?:Trong|trong)\s+(tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4})", text):
            p = find_period(m.group(1))
            if p:
                counts[Period(p.kind, p.year, p.month)] += 1
    if counts:
        best = counts.most_common(1)[0][0]
        return Period(best.kind, best.year, best.month, label=f"tháng {best.month} năm {best.year}")
    for s in sections:
        if _NEXT_PERIOD.search(s.title.upper()):
            p = find_period(s.title)
            if p and p.kind in ("month", "quarter", "half_year"):
                prev = previous_period(p)
                return Period(prev.kind, prev.year, prev.month, prev.quarter, prev.half, label=s.title)
    for text in paragraphs[:10]:
        p = find_period(text)
        if p:
            return p
    return None


def infer_doc_type(header: Header, title: str | None, sections: list[Section], text: str) -> str:
    if header.doc_type:
        return header.doc_type
    titles = " ".join(s.title.upper() for s in sections if s.level <= 1)
    lowered = fold(text[:400] + " " + text[-600:])
    if "chuong trinh cong tac" in lowered or "CÁC CUỘC HỌP" in titles:
        return "work_programme"
    if title and title.upper().startswith("KẾ HOẠCH"):
        return "plan"
    if re.search(r"KẾT QUẢ|TÌNH HÌNH|ĐÁNH GIÁ|CHỈ ĐẠO, ĐIỀU HÀNH", titles + " " + (title or "").upper()):
        return "report"
    return "other"


def build_meta(header: Header, closing: Closing, title: str | None, sections: list[Section],
               paragraphs: list[str], text: str) -> Meta:
    kind, name = infer_unit(header, text, closing.recipients)
    doc_type = infer_doc_type(header, title, sections, text)
    period = infer_period(header.title or title, sections, paragraphs, doc_type)
    return Meta(
        unit_name=name,
        unit_kind=kind,
        level=level_of(kind, name),
        period=period,
        doc_type=doc_type,
        title=header.title or title,
        number=header.number,
        place=header.place,
        issued_on=header.issued_on,
        date_line=header.date_line,
        issuer=header.issuer,
        signer=closing.signer,
        signer_title=closing.signer_title,
        signing_form=closing.signing_form,
        signing_lines=closing.signing_lines,
        recipients=closing.recipients,
        signed_at=closing.signed_at,
        has_header=header.present,
    )
