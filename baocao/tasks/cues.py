"""Status cues: the words of a report sentence that say a task is done or still under way.

Patterns run on the NFC lower-cased sentence, with diacritics: folded, "đang" (under way)
would also be "đăng" (register) and "chưa" (not yet) also "chùa" (pagoda).
Each cue has a strength used for the match confidence: explicit phrases ("đã hoàn thành",
"chưa hoàn thành", "đạt 58,2% kế hoạch") are strong; tense markers ("đã tổ chức", "đang")
medium; a result printed with figures and no other cue is weak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.text.normalize import fold_keep_length, nfc

STRONG, MEDIUM, WEAK = 1.0, 0.8, 0.55

# (pattern, strength, tense): tense markers and explicit phrases scope over the clauses after
# them; lexical cues (result verbs, "được …") only speak for their own clause.
_IN_PROGRESS: tuple[tuple[re.Pattern[str], float, bool], ...] = (
    (re.compile(r"\b(chưa hoàn thành|chưa thực hiện xong|chưa đạt|chưa xong|chưa được giải quyết)\b"), STRONG, True),
    (re.compile(r"\b(đang|tiếp tục|dự kiến|sẽ|chuẩn bị|chưa|vẫn còn|còn chậm|chậm tiến độ|còn vướng mắc)\b"), MEDIUM,
     True),
    (re.compile(r"\b(bước đầu|duy trì|được (?:quan tâm|chú trọng|triển khai|tăng cường|duy trì|tiếp tục))\b"),
     WEAK + 0.1, False),
)
_DONE: tuple[tuple[re.Pattern[str], float, bool], ...] = (
    (re.compile(r"\b(đã hoàn thành|hoàn thành|tổ chức thành công|thành công|đạt 100%|vượt (?:kế hoạch|chỉ tiêu|\d))"),
     STRONG, True),
    (re.compile(r"\b(đã)\b"), MEDIUM, True),
    # result verbs and achieved states: done unless a tense marker says otherwise
    (re.compile(r"\b(ban hành|khai giảng|khánh thành|khởi công|bàn giao|đưa vào sử dụng|tổng kết|diễn ra|trao|cấp"
                r"|được (?:công nhận|khống chế|giữ vững|đảm bảo|bảo đảm|kiểm soát|vận hành|tháo gỡ|nâng lên|giải quyết"
                r"|hoàn thiện|cải thiện|phê duyệt|khắc phục|thực hiện đạt))\b"), MEDIUM - 0.1, False),
)
_PERCENT_OF_PLAN = re.compile(
    r"\b(đạt|bằng|ước đạt)\s+(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:so với\s+)?(kế hoạch|dự toán|chỉ tiêu|kh"
    r"|cùng kỳ|tháng trước|năm trước|kỳ trước)?"
)
_COMPARISONS = ("cùng kỳ", "tháng trước", "năm trước", "kỳ trước")
_NUMBER = re.compile(r"(?<![\w/.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\w/])|(?<![\w/.,])\d+(?:,\d+)?(?![\w/])")
_DATE_LIKE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}\s*-\s*\d{4}|\d+/\d+")
_NOT_QUANTITY_BEFORE = re.compile(
    r"(?:ngày|tháng|năm|quý|lớp|khối|khóa|khoá|số|điều|khoản|giai đoạn|nhiệm kỳ|km|tỷ lệ|lần thứ|mức độ)\s*$"
)


@dataclass(frozen=True)
class Cue:
    status: str  # "done" | "in_progress"
    phrase: str  # as printed in the sentence
    start: int
    strength: float
    tense: bool = True  # a tense marker or explicit phrase (scopes over later clauses), not a lexical cue


def find_cues(sentence: str) -> list[Cue]:
    """Every status cue of a sentence, by position."""
    lowered = nfc(sentence).lower()
    out: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for m in _PERCENT_OF_PLAN.finditer(lowered):
        value = float(m.group(2).replace(",", "."))
        basis = m.group(3)
        if basis in _COMPARISONS or (basis is None and m.group(1) == "bằng"):
            continue  # "bằng 98% so với cùng kỳ" compares years, it says nothing of a task's progress
        status = "done" if value >= 100 else "in_progress"
        # of a plan: strong; a bare rate ("tỷ lệ giải ngân đạt 13,84%") reads as progress, less surely
        out.append(Cue(status, sentence[m.start() : m.end()].strip(), m.start(), STRONG if basis else MEDIUM))
        taken.append((m.start(), m.end()))
    for status, patterns in (("in_progress", _IN_PROGRESS), ("done", _DONE)):
        for pattern, strength, tense in patterns:
            for m in pattern.finditer(lowered):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                out.append(Cue(status, sentence[m.start() : m.end()], m.start(), strength, tense))
                taken.append((m.start(), m.end()))
    out.sort(key=lambda c: c.start)
    return out


def has_quantity(sentence: str) -> bool:
    """Whether the sentence prints a quantity (a result with figures), not just dates, years,
    document numbers or identifiers ("lớp 10", "năm học 2025-2026", "Km18", "ngày 16/5/2025")."""
    lowered = nfc(sentence).lower()
    masked = _DATE_LIKE.sub(lambda m: " " * len(m.group(0)), lowered)
    for m in _NUMBER.finditer(masked):
        text = m.group(0)
        if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100:
            continue  # a year
        if _NOT_QUANTITY_BEFORE.search(masked[max(0, m.start() - 20) : m.start()]):
            continue
        if masked[m.end() : m.end() + 5].strip().startswith("cấp"):
            continue  # "chính quyền địa phương 02 cấp"
        return True
    return False


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of the comma/semicolon/colon parts of a sentence."""
    out, start = [], 0
    for m in re.finditer(r"[,;:]\s", sentence):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence)))
    return out


def decide(sentence: str, words: frozenset[str]) -> tuple[str, str, float]:
    """(status, cue phrase, cue strength) for a sentence matched to a task.

    The clause holding most of the task's words (`words`: folded syllables) is read first. In
    order: a tense marker or explicit phrase in that clause ("đang", "đã", "chưa hoàn thành");
    one in a clause before it, whose scope runs on ("Đang tiếp tục rà soát, hoàn thiện hồ sơ
    cấp …"); a lexical cue of the clause itself ("khai giảng", "được giữ vững"); any cue before
    or after. With no cue at all, a result printed with quantities means done, otherwise under way.
    """
    cues = find_cues(sentence)
    spans = _clauses(sentence)
    folded = fold_keep_length(sentence).lower()

    def hits(span: tuple[int, int]) -> int:
        return sum(1 for w in re.findall(r"\w+", folded[span[0] : span[1]]) if w in words)

    def inside(i: int, tense: bool | None) -> list[Cue]:
        return [c for c in cues if spans[i][0] <= c.start < spans[i][1] and (tense is None or c.tense == tense)]

    focus = max(range(len(spans)), key=lambda i: (hits(spans[i]), -i))
    before = list(range(focus - 1, -1, -1))
    steps: list[tuple[list[int], bool | None, float]] = [
        ([focus], True, 1.0), (before, True, 0.9), ([focus], False, 1.0),
        ([*before, *range(focus + 1, len(spans))], None, 0.9),
    ]
    for clauses, tense, factor in steps:
        for i in clauses:
            found = inside(i, tense)
            if found:
                best = max(found, key=lambda c: (c.strength, -c.start))
                return best.status, best.phrase, best.strength * factor
    if has_quantity(sentence):
        return "done", "", WEAK
    return "in_progress", "", WEAK
