"""Step 3: how facts relate — ratios and their percent, comparisons with their basis.

`relate()` lists the relation steps for the facts of one text (a paragraph or a footnote);
parts of wholes are in `parts.py`, footnote breakdowns of a body total are linked by
`parts.link_footnote_breakdown`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from baocao.extract.drafts import Draft, unit_compatible
from baocao.extract.model import Relation
from baocao.extract.parts import BREAKDOWN_WORD, bracketed_items, breakdowns, carried_over, partitions_of, shares
from baocao.text.normalize import fold

_RATIO_GLUE = re.compile(
    r"^\s*(?:\(|=|,|-|–|:)?\s*(?:(?:đạt|chiếm|bằng|là)\s+)?(?:(?:tỷ|tỉ)\s+lệ(?:\s+[^\W\d_]+){0,3}\s+)?(?:(?:đạt|là)\s+)?$",
    re.IGNORECASE,
)
_CHANGE = re.compile(r"(?<!giao\s)(tăng|giảm|vượt)(?:\s+(?:khoảng|hơn|gần|trên))?\s*$", re.IGNORECASE)
_ACHIEVE = re.compile(r"(đạt|bằng|ước\s+đạt|chiếm|đạt\s+tỷ\s+lệ|tương\s+đương)(?:\s+(?:khoảng|hơn|gần|trên))?\s*$", re.IGNORECASE)
# Case-insensitive patterns come with NEEDLES: lower-case strings one of which every match
# holds (in text.lower()), so that a text without them is not searched. Their letters have no
# case variants but their upper and lower case (test_starts checks them; "i" and "s" do).
_BASIS = (
    (re.compile(r"cùng\s+kỳ", re.IGNORECASE), "same_period_last_year", ("kỳ",)),
    (re.compile(r"tháng\s+trước|kỳ\s+trước|quý\s+trước|so\s+với\s+tháng\s+\d", re.IGNORECASE), "previous_period",
     ("trước", "tháng")),
    # the province's estimate, voted by its council ("dự toán HĐND tỉnh giao") or handed down to a commune
    (re.compile(r"dự\s+toán\s+(?:HĐND\s+)?(?:của\s+)?tỉnh|dự\s+toán\s+(?:HĐND\s+)?thành\s+phố\s+giao",
                re.IGNORECASE), "estimate_province", ("toán",)),
    (re.compile(r"dự\s+toán\s+(?:trung\s+ương|TW)", re.IGNORECASE), "estimate_central", ("toán",)),
    (re.compile(r"dự\s+toán\s+(?:phấn\s+đấu|HĐND|địa\s+phương)", re.IGNORECASE), "estimate_local", ("toán",)),
    (re.compile(r"dự\s+toán", re.IGNORECASE), "estimate", ("toán",)),
    (re.compile(r"kế\s+hoạch|kế\s+hoach|\bKH\b", re.IGNORECASE), "plan", ("kế", "kh")),
    (re.compile(r"chỉ\s+tiêu|mục\s+tiêu", re.IGNORECASE), "target", ("êu",)),
)
_BASIS_NEEDLES = tuple(sorted({needle for _, _, needles in _BASIS for needle in needles}))
CHANGE_NEEDLES = ("tăng", "ảm", "vượt")  # _CHANGE: tăng, giảm, vượt
ACHIEVE_NEEDLES = ("đạt", "bằng", "ếm", "tương")  # _ACHIEVE: đạt, bằng, chiếm, tương đương
_DIGIT = re.compile(r"\d")
_SO_VOI = re.compile(r"^\s*(?:so\s+với|với)\s+", re.IGNORECASE)
_BRACKETED_RATE = re.compile(r"[^\d;.()]{0,50}\(\s*(?:đạt|bằng|chiếm)?\s*", re.IGNORECASE)
_OPENING = re.compile(r"\s*\(\s*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _holds(low: str, needles: tuple[str, ...]) -> bool:
    return any(map(low.__contains__, needles))


def basis_of(after: str) -> str | None:
    head = after[:70]
    low = head.lower()
    if not _holds(low, _BASIS_NEEDLES):
        return None  # no basis is named
    for pattern, name, needles in _BASIS:
        m = pattern.search(head) if _holds(low, needles) else None
        if m:
            prefix = head[: m.start()]
            if ";" in prefix or _DIGIT.search(prefix) or len(prefix.split()) > 6:
                continue
            return name
    return None


def relate(text: str, drafts: list[Draft], partitions: tuple[tuple[str, ...], ...] = ()) -> None:
    """The relation steps, in order (later steps use the roles earlier ones set)."""
    _ratios(text, drafts)
    _percent_then_ratio(text, drafts)
    _comparisons(text, drafts)
    breakdowns(text, drafts)
    bracketed_items(text, drafts)
    partitions_of(text, drafts, partitions)
    carried_over(text, drafts)
    shares(text, drafts)


def _ratios(text: str, drafts: list[Draft]) -> None:
    for i, d in enumerate(drafts):
        if d.fact.role != "denominator":
            continue
        num = drafts[i - 1] if i else None
        if num is None or num.fact.role != "numerator":
            continue
        nxt = drafts[i + 1] if i + 1 < len(drafts) else None
        if nxt is not None and nxt.fact.dimension == "percent" and nxt.sentence == d.sentence:
            glue = text[d.fact.end : nxt.fact.start]
            # "giải ngân 15,9/26,4 tỷ đồng kế hoạch vốn năm 2025 (60,2%)": a year is no figure between
            bracketed = _BRACKETED_RATE.fullmatch(_YEAR.sub("", glue) if "(" in glue else glue)
            if (len(glue) <= 45 and _RATIO_GLUE.match(glue)) or bracketed:
                nxt.role = "ratio_percent"
                nxt.relations.append(Relation("ratio_of", target=num.fact.id, other=d.fact.id))
                num.relations.append(Relation("numerator_of", target=nxt.fact.id, other=d.fact.id))
                d.relations.append(Relation("denominator_of", target=nxt.fact.id, other=num.fact.id))
                continue
        num.relations.append(Relation("numerator_of", target=d.fact.id))
        d.relations.append(Relation("denominator_of", target=num.fact.id))


def _percent_then_ratio(text: str, drafts: list[Draft]) -> None:
    """ "Tỷ lệ hồ sơ trực tuyến đạt 89,18% (141/158 hồ sơ)": the percent printed before its ratio."""
    for i, d in enumerate(drafts[:-2]):
        num, den = drafts[i + 1], drafts[i + 2]
        if d.fact.dimension != "percent" or num.fact.role != "numerator" or den.fact.role != "denominator":
            continue
        if d.role == "ratio_percent" or not _OPENING.fullmatch(text[d.fact.end : num.fact.start]):
            continue
        num.relations[:] = [r for r in num.relations if r.kind != "numerator_of"]
        den.relations[:] = [r for r in den.relations if r.kind != "denominator_of"]
        d.role = "ratio_percent"
        d.relations.append(Relation("ratio_of", target=num.fact.id, other=den.fact.id))
        num.relations.append(Relation("numerator_of", target=d.fact.id, other=den.fact.id))
        den.relations.append(Relation("denominator_of", target=d.fact.id, other=num.fact.id))


def _previous_rate(drafts: list[Draft], i: int) -> Draft | None:
    """The rate a change in points refers to: the nearest earlier percent of the sentence that is
    a level, not itself a change ("tỷ lệ hộ nghèo còn 3,86%, giảm 0,92 điểm phần trăm")."""
    for j in range(i - 1, -1, -1):
        other = drafts[j]
        if other.sentence != drafts[i].sentence:
            break
        if other.fact.dimension == "percent" and other.role not in _CHANGE_ROLES:
            return other
    return None


_CHANGE_ROLES = ("percent_change", "points_change", "excess_points", "change")


def _previous_value(drafts: list[Draft], i: int, same_unit: bool = False, text: str = "") -> Draft | None:
    """The value a comparison refers to: the nearest earlier value of the sentence.

    For absolute changes ("giảm 06 người chết") the candidate whose surrounding words share
    most with the words after the change wins ("làm chết 55 người" over "bị thương 237 người").
    """
    me = drafts[i]
    candidates: list[Draft] = []
    for j in range(i - 1, -1, -1):
        other = drafts[j]
        if other.sentence != me.sentence:
            break
        if other.fact.dimension == "percent" or other.role in ("change", "basis_value"):
            continue
        if same_unit and (other.fact.dimension != me.fact.dimension or not unit_compatible(other.fact.unit, me.fact.unit)):
            continue
        if not same_unit:
            return other
        candidates.append(other)
    if not candidates:
        return None
    if not text:
        return candidates[0]
    words = set(fold(text[me.fact.end : me.fact.end + 20]).split()[:3])
    words -= {"tuong", "duong", "giam", "tang", "so", "voi", "va"}

    def overlap(d: Draft) -> int:
        around = fold(text[max(0, d.fact.start - 20) : d.fact.end + 20])
        return sum(1 for w in words if w and w in around.split())

    best = max(candidates, key=overlap)
    return best if overlap(best) > 0 else candidates[0]


def _comparisons(text: str, drafts: list[Draft]) -> None:
    _compare(text, drafts)
    # "Xi măng … tăng 14,43% so với cùng kỳ; Than … tăng 9,9%": a change printed without its
    # basis takes the basis of the changes before it in the same sentence
    last_basis: dict[tuple[int, int], str] = {}
    for d in drafts:
        inherited = last_basis.get(d.sentence)
        if inherited == "previous_period" and d.fact.qualifiers.scope in ("year_to_date", "cumulative"):
            # "… giảm 7,3% so với tháng trước; tính chung 8 tháng tăng 6,05%": the months to date
            # are compared with the same months of last year
            inherited = "same_period_last_year"
        if d.role == "percent_change" and not any(r.kind == "change_of" for r in d.relations):
            # a change of what the words name: of the kind before it in the sentence ("…tăng 9,6%
            # so với cùng kỳ; tính chung 10 tháng tăng 8,9%"), else, printed with no basis ("IIP
            # quý III tăng 11,3%"), against the same period of last year, as statistics print
            # growth; it links to no figure, so no check compares it
            d.relations.append(Relation("change_of", target="", basis=inherited or "same_period_last_year"))
        for i, rel in enumerate(d.relations):
            if rel.kind != "change_of":
                continue
            if rel.basis:
                last_basis[d.sentence] = rel.basis
            elif inherited:
                d.relations[i] = replace(rel, basis=inherited)


def _compare(text: str, drafts: list[Draft]) -> None:
    for i, d in enumerate(drafts):
        if d.role == "ratio_percent" or d.fact.role in ("numerator", "denominator"):
            continue
        before = text[max(d.sentence[0], d.fact.start - 30) : d.fact.start]
        after = text[d.fact.end : d.fact.end + 90]
        low = before.lower()
        change = _CHANGE.search(before) if _holds(low, CHANGE_NEEDLES) else None
        achieve = _ACHIEVE.search(before) if _holds(low, ACHIEVE_NEEDLES) else None
        basis = basis_of(_SO_VOI.sub("", after)) if (
            change or achieve or d.fact.dimension == "percent"
        ) else None
        if d.fact.dimension == "percent":
            if change:
                target = _previous_value(drafts, i)
                word = change.group(1).lower()
                if word == "vượt" and target is not None and target.fact.dimension == "percent":
                    d.role = "excess_points"
                    d.relations.append(Relation("change_of", target=target.fact.id, basis=basis, direction="up", points=True))
                    continue
                if "điểm" in d.fact.raw.lower():  # "giảm 0,92 điểm phần trăm": a change in points
                    d.role = "points_change"
                    target = _previous_rate(drafts, i)
                    if target is not None:
                        d.relations.append(Relation("change_of", target=target.fact.id, basis=basis,
                                                    direction="down" if word == "giảm" else "up", points=True))
                    continue
                d.role = "percent_change"
                rel = Relation("change_of", target=target.fact.id if target else "", basis=basis,
                               direction="down" if word == "giảm" else "up")
                base = _base_value(text, d, drafts, i, target)
                if base is not None:
                    base.role = "basis_value"
                    rel = replace(rel, other=base.fact.id)
                    base.relations.append(Relation("basis_of", target=d.fact.id, basis=basis))
                if target is not None or base is not None or basis:
                    # with neither: a change of what the words name ("IIP tăng 9,6% so với cùng kỳ")
                    d.relations.append(rel)
                continue
            if achieve:
                word = achieve.group(1).lower()
                target = _previous_value(drafts, i)
                if word == "chiếm":
                    d.role = "share"
                    continue  # linked to its whole by _shares
                if basis and target is not None:
                    d.role = "achievement" if basis != "same_period_last_year" else "index_vs_basis"
                    rel = Relation("achievement_of", target=target.fact.id, basis=basis)
                    base = _base_value(text, d, drafts, i, target)
                    if base is not None and base.fact.unit == target.fact.unit:
                        base.role = "basis_value"
                        base.relations.append(Relation("basis_of", target=d.fact.id, basis=basis))
                        rel = replace(rel, other=base.fact.id)
                    d.relations.append(rel)
                elif basis:
                    d.role = "achievement"
                continue
            continue
        if change and d.fact.dimension not in ("percent",):
            word = change.group(1).lower()
            d.role = "change"
            target = _previous_value(drafts, i, same_unit=True, text=text)
            d.relations.append(Relation("change_of", target=target.fact.id if target else "", basis=basis,
                                        direction="down" if word == "giảm" else "up"))


def _base_value(text: str, d: Draft, drafts: list[Draft], i: int, target: Draft | None) -> Draft | None:
    """ "giảm 32,60% so với cùng kỳ năm 2024 (589 người)": the value of the basis in brackets."""
    if i + 1 >= len(drafts):
        return None
    nxt = drafts[i + 1]
    between = text[d.fact.end : nxt.fact.start]
    if "(" not in between or ";" in between or len(between) > 60 or nxt.fact.dimension == "percent":
        return None
    if BREAKDOWN_WORD.match(between, between.rfind("(") + 1):
        return None  # "tăng 12,8% so với cùng kỳ (trong đó: thu tiền sử dụng đất 38.210 triệu đồng": parts
    if target is not None and (nxt.fact.dimension != target.fact.dimension):
        return None
    return nxt
