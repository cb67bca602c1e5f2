"""Step 3b: parts of wholes — "trong đó" lists, brackets, partition words, per-unit footnotes,
carried over + new, shares ("chiếm x%")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.extract.drafts import Draft, unit_compatible
from baocao.extract.model import Fact, Relation
from baocao.text.normalize import fold
from baocao.text.starts import finditer_at, literal_starts

_BREAKDOWN = re.compile(r"(?:^|[\s,;:(])(trong\s+đó|bao\s+gồm|gồm|cụ\s+thể)\s*[:,]?", re.IGNORECASE)
BREAKDOWN_FIRST = ("trong", "bao", "gồm", "cụ")  # _BREAKDOWN's words, one character after its start
_CARRIED = re.compile(r"chuyển\s+sang|tồn\s+kỳ\s+trước|kỳ\s+trước\s+chuyển|năm\s+trước\s+chuyển", re.IGNORECASE)
_NEW = re.compile(r"(?:tiếp\s+nhận\s+mới|mới\s+phát\s+sinh|phát\s+sinh\s+mới|nhận\s+mới)\s*$", re.IGNORECASE)
_NEW_AFTER = re.compile(r"\s*(?:tiếp\s+nhận\s+mới|mới\s+phát\s+sinh|phát\s+sinh\s+mới|nhận\s+mới)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_DECIMAL_POINT = re.compile(r"\d[.]\d")
_NOT_WORD = re.compile(r"[^\w\s]")
_SHARE_GLUE = re.compile(r"\s*\(\s*(?:chiếm\s+)?(?:tỷ\s+lệ\s+)?")
# the words that open a breakdown, at the start of a text (a footnote, a bracket)
BREAKDOWN_WORD = re.compile(r"\s*(?:trong\s+đó|gồm|bao\s+gồm|cụ\s+thể)\b", re.IGNORECASE)
_BREAKDOWN_HEAD = re.compile(r"\s*(?:trong\s+đó|gồm|bao\s+gồm|cụ\s+thể)\s*[:,]?", re.IGNORECASE)


def partitions_of(text: str, drafts: list[Draft], partitions: tuple[tuple[str, ...], ...]) -> None:
    """ "đang giải quyết 96 hồ sơ, trong hạn 84 hồ sơ, quá hạn 05 hồ sơ": parts named by a partition.

    `partitions` are folded word groups (see `load_partitions`)."""
    if not partitions or len(drafts) < 3:
        return  # a total and at least two parts
    whole = fold(text)
    folded = [g for g in partitions if sum(map(whole.__contains__, g)) >= 2]
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
                if _CLAUSE_END.search(between) or d.fact.dimension == "percent":
                    if d.fact.dimension == "percent" and not _CLAUSE_END.search(between):
                        start = d.fact.end
                        continue
                    break
                words = fold(between).strip(" ,:(")
                label = next((w for w in group if words.endswith(w) or words.startswith(w)), None)
                if label is None or label in used or not unit_compatible(total.fact.unit, d.fact.unit):
                    break
                used.add(label)
                parts.append(d)
                start = d.fact.end
            if len(parts) >= 2 and not any(any(r.kind == "part_of" for r in p.relations) for p in parts):
                for p in parts:
                    p.relations.append(Relation("part_of", target=total.fact.id))
                break


def _breakdown_words(text: str) -> Iterator[re.Match[str]]:
    """`_BREAKDOWN.finditer(text)`, tried only at the start and right before its words."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: offsets would not line up
        return _BREAKDOWN.finditer(text)
    return finditer_at(_BREAKDOWN, text, sorted({0, *(at - 1 for at in literal_starts(low, BREAKDOWN_FIRST) if at)}))


def breakdowns(text: str, drafts: list[Draft]) -> None:
    for m in _breakdown_words(text):
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
        total = _what_is_broken_down(total, drafts)
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


def _what_is_broken_down(total: Draft, drafts: list[Draft]) -> Draft:
    """A ratio's breakdown is of its numerator ("hoàn thành 146/146 nhà (xây mới 118 nhà, …)")."""
    if total.fact.role != "denominator":
        return total
    numerator = next((d for d in drafts if any(r.kind == "numerator_of" and total.fact.id in (r.target, r.other)
                                               for r in d.relations)), None)
    return numerator or total


_OPENING = re.compile(r"\s*\(")


def bracketed_items(text: str, drafts: list[Draft]) -> None:
    """ "hoàn thành 146/146 nhà (xây mới 118 nhà, sửa chữa 28 nhà)", "cây ăn trái 96.240 ha (sầu
    riêng 14.820 ha, bưởi 17.350 ha)": two or more figures in the brackets right after a figure,
    all in its unit and adding up to no more than it, are its parts (with no breakdown word)."""
    for i, d in enumerate(drafts):
        opening = _OPENING.match(text, d.fact.end)
        if (opening is None or d.fact.dimension == "percent" or d.role in ("change", "basis_value", "percent_change")
                or any(r.kind == "part_of" for r in d.relations)):
            continue
        close = text.find(")", opening.end())
        inside = [e for e in drafts[i + 1:] if e.fact.start < close and e.fact.dimension != "percent"] if close > 0 else []
        if BREAKDOWN_WORD.match(text, opening.end()) or "(" in text[opening.end():close] or len(inside) < 2:
            continue
        total = _what_is_broken_down(d, drafts)
        if any(e.fact.dimension != total.fact.dimension or not unit_compatible(total.fact.unit, e.fact.unit)
               or e.role is not None or e.fact.role is not None or e.relations for e in inside):
            continue
        if sum(e.fact.value for e in inside) <= total.fact.value * (1 + 1e-9):
            for e in inside:
                e.relations.append(Relation("part_of", target=total.fact.id))


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
        if _SENTENCE_END.search(between) and not _DECIMAL_POINT.search(between[-3:]):
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
        if d.fact.dimension != total.dimension or not unit_compatible(total.unit, d.fact.unit):
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
    words = fold(_NOT_WORD.sub(" ", clause)).split()
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


def carried_over(text: str, drafts: list[Draft]) -> None:
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
                after_new = _NEW_AFTER.match(text[nxt.fact.end : nxt.fact.end + 30])
                if nxt.fact.unit == d.fact.unit and (
                    _NEW.search(text[max(0, nxt.fact.start - 25) : nxt.fact.start]) or after_new
                ):
                    nxt.relations[:] = [r for r in nxt.relations if r.kind != "part_of"]
                    nxt.role = "new"
                    nxt.relations.append(Relation("new_of", target=prev.fact.id))
                    break


def shares(text: str, drafts: list[Draft]) -> None:
    by_id = {d.fact.id: d for d in drafts}
    for i, d in enumerate(drafts):
        if d.fact.dimension != "percent" or i == 0 or d.role not in (None, "share"):
            continue
        prev = drafts[i - 1]
        between = text[prev.fact.end : d.fact.start]
        if not _SHARE_GLUE.fullmatch(between) and d.role != "share":
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
    if not named and not BREAKDOWN_WORD.match(note_text):
        return
    firsts = [n for n in notes if n.fact.dimension != "percent"]
    if not firsts:
        return
    sentence_start = max((d.sentence[0] for d in body if d.fact.end <= offset), default=0)
    candidates = [
        d for d in body
        if d.fact.end <= offset and d.fact.start >= sentence_start and d.fact.dimension == firsts[0].fact.dimension
        and unit_compatible(d.fact.unit, firsts[0].fact.unit) and d.role not in ("change", "basis_value")
    ]
    if not candidates:
        return
    total = candidates[-1]
    head = _BREAKDOWN_HEAD.match(note_text)
    mark_parts(note_text, total.fact, notes, head.end() if head else 0, notes, total_bracketed=False)
