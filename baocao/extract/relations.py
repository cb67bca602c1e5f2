"""Step 3: how facts relate — ratios, comparisons with their basis, parts of wholes.

Works on the facts of one text (a paragraph or a footnote) in order; footnote
breakdowns of a body total are linked by `link_footnote_breakdown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from baocao.extract.model import Fact, Relation
from baocao.text.normalize import fold

_RATIO_GLUE = re.compile(
    r"^\s*(?:\(|=|,|-|–|:)?\s*(?:(?:đạt|chiếm|bằng|là)\s+)?(?:(?:tỷ|tỉ)\s+lệ(?:\s+[^\W\d_]+){0,3}\s+)?(?:(?:đạt|là)\s+)?$",
    re.IGNORECASE,
)
_CHANGE = re.compile(r"(?<!giao\s)(tăng|giảm|vượt)(?:\s+(?:khoảng|hơn|gần|trên))?\s*$", re.IGNORECASE)
_ACHIEVE = re.compile(r"(đạt|bằng|ước\s+đạt|chiếm|đạt\s+tỷ\s+lệ|tương\s+đương)(?:\s+(?:khoảng|hơn|gần|trên))?\s*$", re.IGNORECASE)
_BASIS = (
    (re.compile(r"cùng\s+kỳ"), "same_period_last_year"),
    (re.compile(r"tháng\s+trước|kỳ\s+trước|quý\s+trước|so\s+với\s+tháng\s+\d"), "previous_period"),
    (re.compile(r"dự\s+toán\s+(?:của\s+)?tỉnh|dự\s+toán\s+thành\s+phố\s+giao|dự\s+toán\s+tỉnh\s+giao"), "estimate_province"),
    (re.compile(r"dự\s+toán\s+(?:trung\s+ương|TW)"), "estimate_central"),
    (re.compile(r"dự\s+toán\s+(?:phấn\s+đấu|HĐND|địa\s+phương)"), "estimate_local"),
    (re.compile(r"dự\s+toán"), "estimate"),
    (re.compile(r"kế\s+hoạch|kế\s+hoach|\bKH\b"), "plan"),
    (re.compile(r"chỉ\s+tiêu|mục\s+tiêu"), "target"),
)
_BREAKDOWN = re.compile(r"(?:^|[\s,;:(])(trong\s+đó|bao\s+gồm|gồm|cụ\s+thể)\s*[:,]?", re.IGNORECASE)
_CARRIED = re.compile(r"chuyển\s+sang|tồn\s+kỳ\s+trước|kỳ\s+trước\s+chuyển|năm\s+trước\s+chuyển", re.IGNORECASE)
_NEW = re.compile(r"(?:tiếp\s+nhận\s+mới|mới\s+phát\s+sinh|phát\s+sinh\s+mới|nhận\s+mới)\s*$", re.IGNORECASE)


@dataclass
class Draft:
    """A fact under construction (relations and role are still being decided)."""

    fact: Fact
    sentence: tuple[int, int]
    relations: list[Relation] = field(default_factory=list)
    role: str | None = None

    def freeze(self) -> Fact:
        return replace(self.fact, relations=tuple(self.relations), role=self.role or self.fact.role)


def basis_of(after: str) -> str | None:
    head = after[:70]
    for pattern, name in _BASIS:
        m = re.search(pattern.pattern, head, re.IGNORECASE)
        if m:
            prefix = head[: m.start()]
            if ";" in prefix or re.search(r"\d", prefix) or len(prefix.split()) > 6:
                continue
            return name
    return None


def relate(text: str, drafts: list[Draft], partitions: tuple[tuple[str, ...], ...] = ()) -> None:
    _ratios(text, drafts)
    _percent_then_ratio(text, drafts)
    _comparisons(text, drafts)
    _breakdowns(text, drafts)
    _partitions(text, drafts, partitions)
    _carried_over(text, drafts)
    _shares(text, drafts)


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
            bracketed = re.fullmatch(r"[^\d;.()]{0,50}\(\s*(?:đạt|bằng|chiếm)?\s*", glue, re.IGNORECASE)
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
        if d.role == "ratio_percent" or not re.fullmatch(r"\s*\(\s*", text[d.fact.end : num.fact.start]):
            continue
        num.relations[:] = [r for r in num.relations if r.kind != "numerator_of"]
        den.relations[:] = [r for r in den.relations if r.kind != "denominator_of"]
        d.role = "ratio_percent"
        d.relations.append(Relation("ratio_of", target=num.fact.id, other=den.fact.id))
        num.relations.append(Relation("numerator_of", target=d.fact.id, other=den.fact.id))
        den.relations.append(Relation("denominator_of", target=d.fact.id, other=num.fact.id))


def _partitions(text: str, drafts: list[Draft], partitions: tuple[tuple[str, ...], ...]) -> None:
    """ "đang giải quyết 96 hồ sơ, trong hạn 84 hồ sơ, quá hạn 05 hồ sơ": parts named by a partition.

    `partitions` are folded word groups (see `load_partitions`)."""
    if not partitions or len(drafts) < 3:
        return  # a total and at least two parts
    whole = fold(text)
    folded = [g for g in partitions if sum(w in whole for w in g) >= 2]
    if not folded:
        return
    for i, total in enumerate(drafts):
        if total.fact.dimension == "percent" or total.fact.role == "denominator" or any(
            r.kind == "part_of" for r in total.relations
        ):
            continue
        for group in folded:
            parts: list[Draft] = []
            used: set[str] = set()
            start = total.fact.end
            for d in drafts[i + 1 :]:
                between = text[start : d.fact.start]
                if re.search(r"[.;]", between) or d.fact.dimension == "percent":
                    if d.fact.dimension == "percent" and not re.search(r"[.;]", between):
                        start = d.fact.end
                        continue
                    break
                words = fold(between).strip(" ,:(")
                label = next((w for w in group if words.endswith(w) or words.startswith(w)), None)
                if label is None or label in used or not _unit_compatible(total.fact.unit, d.fact.unit):
                    break
                used.add(label)
                parts.append(d)
                start = d.fact.end
            if len(parts) >= 2 and not any(any(r.kind == "part_of" for r in p.relations) for p in parts):
                for p in parts:
                    p.relations.append(Relation("part_of", target=total.fact.id))
                break


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
        if same_unit and (other.fact.dimension != me.fact.dimension or not _unit_compatible(other.fact.unit, me.fact.unit)):
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
        for i, rel in enumerate(d.relations):
            if rel.kind != "change_of":
                continue
            if rel.basis:
                last_basis[d.sentence] = rel.basis
            elif d.sentence in last_basis:
                d.relations[i] = replace(rel, basis=last_basis[d.sentence])


def _compare(text: str, drafts: list[Draft]) -> None:
    for i, d in enumerate(drafts):
        if d.role == "ratio_percent" or d.fact.role in ("numerator", "denominator"):
            continue
        before = text[max(d.sentence[0], d.fact.start - 30) : d.fact.start]
        after = text[d.fact.end : d.fact.end + 90]
        change = _CHANGE.search(before)
        achieve = _ACHIEVE.search(before)
        basis = basis_of(re.sub(r"^\s*(?:so\s+với|với)\s+", "", after, flags=re.IGNORECASE)) if (
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
                d.role = "percent_change"
                rel = Relation("change_of", target=target.fact.id if target else "", basis=basis,
                               direction="down" if word == "giảm" else "up")
                base = _base_value(text, d, drafts, i, target)
                if base is not None:
                    base.role = "basis_value"
                    rel = replace(rel, other=base.fact.id)
                    base.relations.append(Relation("basis_of", target=d.fact.id, basis=basis))
                if target is not None or base is not None:
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
    if target is not None and (nxt.fact.dimension != target.fact.dimension):
        return None
    return nxt


def _breakdowns(text: str, drafts: list[Draft]) -> None:
    for m in _BREAKDOWN.finditer(text):
        pos = m.start(1)
        total = None
        for d in drafts:
            if (
                d.fact.end <= pos
                and d.fact.dimension != "percent"
                and d.role not in ("change", "basis_value")
                and d.sentence[0] <= pos < d.sentence[1]
            ):
                total = d
        if total is None:
            continue
        if total.fact.role == "denominator":
            numerator = next((d for d in drafts if any((r.kind == "numerator_of" and r.target in (total.fact.id,)) or
                                                       (r.kind == "numerator_of" and r.other == total.fact.id)
                                                       for r in d.relations)), None)
            total = numerator or total
        inside = text.rfind("(", 0, total.fact.start) > text.rfind(")", 0, total.fact.start)
        if inside:
            outer = [d for d in drafts if d.fact.end <= total.fact.start and d.sentence == total.sentence
                     and d.fact.dimension == total.fact.dimension and d.fact.dimension != "percent"]
            if outer:
                total = outer[-1]
        opened = _in_brackets(text, m.start(1))
        list_follows = text[m.end(1) : m.end(1) + 3].lstrip().startswith(":")
        parts = mark_parts(text, total.fact, [d for d in drafts if d.fact.start >= m.end()], m.end(), drafts,
                           total_bracketed=opened or None, across_clauses=list_follows, in_brackets=opened)
        _parallel_parts(text, total, parts, drafts)


_NEW_SUBJECT = re.compile(r"^\s*(?:tỷ\s+lệ|tỉ\s+lệ|còn|đang|trả|đã\s+thu|lũy\s+kế|luỹ\s+kế|tổng|so\s+với|ước)",
                          re.IGNORECASE)


def _in_brackets(text: str, pos: int) -> bool:
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


def mark_parts(text: str, total: Fact, candidates: list[Draft], start: int, all_drafts: list[Draft],
               total_bracketed: bool | None = None, across_clauses: bool = True, in_brackets: bool = False) -> list[Draft]:
    """Facts after a "trong đó" that have the total's unit and scope, up to the end of the list.

    The list ends at the end of the sentence, at a clause that starts on something else
    ("tỷ lệ …", "còn …", "trả kết quả …"), or at a value of another dimension. A list
    announced with a colon ("trong đó: …; …; …") runs across semicolons; without one, only
    while each clause starts like the first part's ("số hồ sơ số hóa của cấp tỉnh …; số hồ sơ
    số hóa của cấp huyện …"). A list opened inside brackets ends at the closing bracket.
    """
    parts: list[Draft] = []
    first_head: str | None = None
    if total_bracketed is None:
        total_bracketed = _in_brackets(text, total.start)
    for d in candidates:
        between = text[start : d.fact.start]
        if re.search(r"[.!?](?:\s|$)", between) and not re.search(r"\d[.]\d", between[-3:]):
            break
        if in_brackets and ")" in between:
            break
        if ";" in between:
            clause = between.rsplit(";", 1)[1]
            if _NEW_SUBJECT.match(clause):
                break
            if not across_clauses and first_head is not None and _head(clause) != first_head:
                break
        if d.fact.dimension == "percent" or d.role in ("change", "basis_value", "percent_change") or (
            d.fact.role == "denominator"
        ):
            start = d.fact.end
            continue
        if _in_brackets(text, d.fact.start) != total_bracketed and d.fact.dimension == total.dimension:
            start = d.fact.end
            continue  # "(cộng dồn 161.065 lượt)" next to a part: a part of the bracketed total
        if d.fact.dimension != total.dimension or not _unit_compatible(total.unit, d.fact.unit):
            if d.fact.dimension == total.dimension:
                start = d.fact.end
                continue
            break
        if any(r.kind == "part_of" for r in d.relations):
            start = d.fact.end
            continue
        if first_head is None:
            first_head = _head(text[start : d.fact.start])
        d.relations.append(Relation("part_of", target=total.id))
        parts.append(d)
        start = d.fact.end
    return parts


def _head(clause: str) -> str:
    """The first two words of a clause, folded: how parallel list items begin."""
    words = fold(re.sub(r"[^\w\s]", " ", clause)).split()
    return " ".join(words[:2])


def _parallel_parts(text: str, total: Draft, parts: list[Draft], drafts: list[Draft]) -> None:
    """ "34.117 lượt (cộng dồn 182.270 lượt), trong đó 30.091 lượt (cộng dồn 161.065 lượt)":
    the bracketed figure after each part is a part of the bracketed figure after the total."""

    def bracketed_after(d: Draft) -> Draft | None:
        for other in drafts:
            if (
                0 < other.fact.start - d.fact.end < 25
                and _in_brackets(text, other.fact.start)
                and other.fact.dimension == d.fact.dimension
                and "(" in text[d.fact.end : other.fact.start]
            ):
                return other
        return None

    outer = bracketed_after(total)
    if outer is None:
        return
    for p in parts:
        inner = bracketed_after(p)
        if inner is not None and not any(r.kind == "part_of" for r in inner.relations):
            inner.relations.append(Relation("part_of", target=outer.fact.id))


def _unit_compatible(total: str, part: str) -> bool:
    if total == part:
        return True
    a, b = fold(total), fold(part)
    return a.startswith(b) or b.startswith(a) or b in [x.strip() for x in a.split(",")]


def _carried_over(text: str, drafts: list[Draft]) -> None:
    for i, d in enumerate(drafts):
        if i == 0:
            continue
        prev = drafts[i - 1]
        between = text[prev.fact.end : d.fact.start]
        after = text[d.fact.end : d.fact.end + 40]
        if "(" in between and _CARRIED.search(after) and prev.fact.unit == d.fact.unit:
            for r in list(d.relations):
                if r.kind == "part_of":
                    d.relations.remove(r)
            d.role = "carried_over"
            d.relations.append(Relation("carried_over_of", target=prev.fact.id))
            for nxt in drafts[i + 1 :]:
                if nxt.sentence != d.sentence:
                    break
                after_new = re.match(r"\s*(?:tiếp\s+nhận\s+mới|mới\s+phát\s+sinh|phát\s+sinh\s+mới|nhận\s+mới)",
                                     text[nxt.fact.end : nxt.fact.end + 30], re.IGNORECASE)
                if nxt.fact.unit == d.fact.unit and (
                    _NEW.search(text[max(0, nxt.fact.start - 25) : nxt.fact.start]) or after_new
                ):
                    nxt.relations[:] = [r for r in nxt.relations if r.kind != "part_of"]
                    nxt.role = "new"
                    nxt.relations.append(Relation("new_of", target=prev.fact.id))
                    break


def _shares(text: str, drafts: list[Draft]) -> None:
    by_id = {d.fact.id: d for d in drafts}
    for i, d in enumerate(drafts):
        if d.fact.dimension != "percent" or i == 0 or d.role not in (None, "share"):
            continue
        prev = drafts[i - 1]
        between = text[prev.fact.end : d.fact.start]
        if not re.fullmatch(r"\s*\(\s*(?:chiếm\s+)?(?:tỷ\s+lệ\s+)?", between) and d.role != "share":
            continue
        whole = next((by_id.get(r.target) for r in prev.relations if r.kind == "part_of"), None)
        d.role = "share"
        d.relations.append(Relation("share_of", target=prev.fact.id, other=whole.fact.id if whole else None))


_NAMED_ITEM = re.compile(r"(?:^|;)\s*[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}\s*:\s*\d")


def link_footnote_breakdown(body_text: str, offset: int, body: list[Draft], note_text: str, notes: list[Draft]) -> None:
    """A footnote that starts "Trong đó…"/"Gồm…", or lists figures by unit name ("Tam Thanh: …;
    Hoàng Đồng: …", as merged wards report their former parts), breaks down the body figure
    its marker follows."""
    named = len(_NAMED_ITEM.findall(note_text)) >= 2 and _NAMED_ITEM.match(note_text)
    if not named and not re.match(r"\s*(?:trong\s+đó|gồm|bao\s+gồm|cụ\s+thể)\b", note_text, re.IGNORECASE):
        return
    firsts = [n for n in notes if n.fact.dimension != "percent"]
    if not firsts:
        return
    sentence_start = max((d.sentence[0] for d in body if d.fact.end <= offset), default=0)
    candidates = [
        d for d in body
        if d.fact.end <= offset and d.fact.start >= sentence_start and d.fact.dimension == firsts[0].fact.dimension
        and _unit_compatible(d.fact.unit, firsts[0].fact.unit) and d.role not in ("change", "basis_value")
    ]
    if not candidates:
        return
    total = candidates[-1]
    head = re.match(r"\s*(?:trong\s+đó|gồm|bao\s+gồm|cụ\s+thể)\s*[:,]?", note_text, re.IGNORECASE)
    mark_parts(note_text, total.fact, notes, head.end() if head else 0, notes, total_bracketed=False)
