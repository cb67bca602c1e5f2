"""Inject known mistakes into a composed report (before layout).

Each kind is applied at one place and recorded with what a checker should
report. Figure mistakes change one printed value; the percents computed
from that value are recomputed so that only the targeted relation breaks.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from baocao.synth.compose import CheckSpec, FactSpec, NonFactSpec, Para, derive
from baocao.synth.ctx import Ctx
from baocao.synth.model import Mistake
from baocao.synth.rand import rng_for
from baocao.synth.series import DATA_DIR

REPAIRABLE = ("ratio", "change")


@lru_cache(maxsize=1)
def misspellings() -> tuple[tuple[str, str], ...]:
    rows = (DATA_DIR / "misspellings.tsv").read_text(encoding="utf-8").splitlines()
    return tuple(tuple(r.split("\t")) for r in rows if r and not r.startswith("#"))  # type: ignore[misc]


def apply_mistakes(c: Ctx, blocks: list[Para], kinds: list[str]) -> list[Mistake]:
    rng = rng_for("mistakes", c.seed, c.u, c.y, c.m)
    out: list[Mistake] = []
    for kind in kinds:
        handler = HANDLERS[kind]
        mistake = handler(c, blocks, rng)
        if mistake is not None:
            out.append(mistake)
    return out


# -- figures -----------------------------------------------------------------------------------

def _refs(checks: list[CheckSpec], fact: FactSpec) -> list[CheckSpec]:
    return [ch for ch in checks if ch.result is fact or any(o is fact for o in ch.operands)]


def _eligible(checks: list[CheckSpec], target: CheckSpec, fact: FactSpec) -> bool:
    for ch in _refs(checks, fact):
        if ch is target:
            continue
        if ch.kind not in REPAIRABLE or ch.result is fact:
            return False
    return True


def _wrong_value(fact: FactSpec, rng: random.Random) -> Decimal:
    old = fact.shown
    step = Decimal(1).scaleb(-fact.decimals)
    if fact.dimension == "percent":
        delta = step * rng.randint(3, 40) if fact.decimals else Decimal(rng.randint(2, 6))
    else:
        magnitude = max(step, (abs(old) * Decimal(rng.uniform(0.01, 0.08))).quantize(step))
        delta = magnitude
    new = old + delta if (rng.random() < 0.5 or old - delta < 0) else old - delta
    return new if new != old else old + step


def _alter(c: Ctx, target: CheckSpec, fact: FactSpec, rng: random.Random) -> tuple[str, str]:
    before = fact.raw
    fact.set_shown(_wrong_value(fact, rng))
    for ch in _refs(c.b.checks, fact):
        if ch is not target and ch.kind in REPAIRABLE:
            derive(ch)
    return before, fact.raw


def _figure(kind: str, check_kind: str, prefer: str) -> Callable[[Ctx, list[Para], random.Random], Mistake | None]:
    def handler(c: Ctx, blocks: list[Para], rng: random.Random) -> Mistake | None:
        options: list[tuple[CheckSpec, FactSpec]] = []
        for ch in c.b.checks:
            if ch.kind != check_kind:
                continue
            facts = [ch.result] if prefer == "result" else [ch.result, *ch.operands]
            options.extend((ch, f) for f in facts if _eligible(c.b.checks, ch, f))
        if not options:
            return None
        check, fact = rng.choice(options)
        expected, actual = _alter(c, check, fact, rng)
        involved = tuple(f.raw for f in [check.result, *check.operands])
        what = {"sum": "các số thành phần không cộng đúng bằng tổng",
                "ratio": "tỷ lệ phần trăm không khớp với phép chia",
                "percent_change": "tỷ lệ tăng/giảm không khớp với số so sánh",
                "carry_over": "số chuyển sang cộng số tiếp nhận mới không bằng tổng số xử lý",
                "cumulative": "số lũy kế không bằng lũy kế tháng trước cộng số trong tháng"}[kind]
        return Mistake(kind=kind, description=f"{what}: in {actual}, đúng là {expected}", involved=involved,
                       expected=expected, actual=actual,
                       fact_ids=(fact.id, *[f.id for f in [check.result, *check.operands] if f is not fact]))
    return handler


# -- text --------------------------------------------------------------------------------------

def _nonfacts(blocks: list[Para], kinds: tuple[str, ...]) -> list[tuple[Para, int, NonFactSpec]]:
    out = []
    paras = [p for b in blocks if b.kind in ("body", "task") for p in (b, *b.notes())]
    for block in paras:
        for i, (k, obj) in enumerate(block.parts):
            if k == "x" and isinstance(obj, NonFactSpec) and obj.kind in kinds:
                out.append((block, i, obj))
    return out


def date_year(c: Ctx, blocks: list[Para], rng: random.Random) -> Mistake | None:
    options = _nonfacts(blocks, ("date", "school_year"))
    if not options:
        return None
    _, _, nf = rng.choice(options)
    before = nf.raw
    if nf.kind == "school_year":
        a, b = (int(x) for x in before.split(" - "))
        nf.raw = f"{a - 1} - {b - 1}"
        desc = "năm học không đúng với kỳ báo cáo"
    else:
        d, m, y = before.split("/")
        nf.raw = f"{d}/{m}/{int(y) - 2}"
        desc = "ngày tháng nằm ngoài kỳ báo cáo (sai năm)"
    return Mistake("date_year", f"{desc}: in {nf.raw}, đúng là {before}", (nf.raw,), before, nf.raw)


def doc_date(c: Ctx, blocks: list[Para], rng: random.Random) -> Mistake | None:
    cites = [nf for _, _, nf in _nonfacts(blocks, ("doc_date",)) if nf.key == "doc"]
    if len(cites) < 2:
        return None
    first, second = cites[0], cites[-1]
    d, m, y = (int(x) for x in first.raw.split("/"))
    shifted = date(y, m, d) + timedelta(days=rng.choice((-3, -2, -1, 1, 2, 3)))
    second.raw = f"{shifted.day}/{shifted.month}/{shifted.year}"
    return Mistake("doc_date", f"cùng một văn bản được trích dẫn với hai ngày khác nhau: {first.raw} và {second.raw}",
                   (first.raw, second.raw), first.raw, second.raw)


def _headings(blocks: list[Para]) -> list[Para]:
    return [b for b in blocks if b.kind == "heading" and b.number]


def _siblings(blocks: list[Para], level: int) -> list[list[Para]]:
    groups: list[list[Para]] = []
    current: list[Para] = []
    for h in [b for b in blocks if b.kind == "heading"]:
        if h.level < level:
            if current:
                groups.append(current)
            current = []
        elif h.level == level and h.number:
            current.append(h)
    if current:
        groups.append(current)
    return [g for g in groups if len(g) >= 2]


def _title(h: Para) -> str:
    return "".join(str(obj) if k == "t" else getattr(obj, "raw", "") for k, obj in h.parts)


def duplicate_heading(c: Ctx, blocks: list[Para], rng: random.Random) -> Mistake | None:
    groups = _siblings(blocks, rng.choice((1, 2))) or _siblings(blocks, 2)
    if not groups:
        return None
    group = rng.choice(groups)
    i = rng.randrange(1, len(group))
    before = group[i].number
    group[i].number = group[i - 1].number
    return Mistake("duplicate_heading",
                   f"số thứ tự đề mục bị lặp: hai đề mục cùng đánh số {group[i].number}",
                   (f"{group[i - 1].number}. {_title(group[i - 1])}", f"{group[i].number}. {_title(group[i])}"),
                   before, group[i].number)


def skipped_heading(c: Ctx, blocks: list[Para], rng: random.Random) -> Mistake | None:
    groups = _siblings(blocks, 2)
    if not groups:
        return None
    group = rng.choice(groups)
    i = rng.randrange(1, len(group))
    before = group[i].number
    shifted = {h.number: str(int(h.number) + 1) for h in group[i:]}
    start = blocks.index(group[i])
    for block in blocks[start:]:
        if block.kind != "heading":
            continue
        if block.level == 1:
            break
        head, _, tail = block.number.partition(".")
        if head in shifted:
            block.number = shifted[head] + ("." + tail if tail else "")
    return Mistake("skipped_heading", f"số thứ tự đề mục bị nhảy cóc: sau {group[i - 1].number} là {group[i].number}",
                   (f"{group[i - 1].number}. {_title(group[i - 1])}", f"{group[i].number}. {_title(group[i])}"),
                   before, group[i].number)


WORD = re.compile(r"[^\W\d_]{2,}(?: [^\W\d_]{2,})?", re.UNICODE)
ONE_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def doubled_word(c: Ctx, blocks: list[Para], rng: random.Random) -> Mistake | None:
    options = []
    for block in blocks:
        if block.kind != "body":
            continue
        for i, (k, obj) in enumerate(block.parts):
            if k == "t" and isinstance(obj, str) and len(obj) > 40:
                options.append((block, i, obj))
    if not options:
        return None
    block, i, text = rng.choice(options)
    pattern = WORD if rng.random() < 0.3 else ONE_WORD
    matches = [m for m in pattern.finditer(text) if m.start() > 0 and text[m.start() - 1] == " "
               and m.group(0).islower()]
    if not matches:
        return None
    m = rng.choice(matches)
    word = m.group(0)
    block.parts[i] = ("t", text[:m.end()] + " " + word + text[m.end():])
    return Mistake("doubled_word", f"từ bị lặp: “{word} {word}”", (f"{word} {word}",), word, f"{word} {word}")


def misspelling(c: Ctx, blocks: list[Para], rng: random.Random) -> Mistake | None:
    pairs = misspellings()
    options = []
    for block in blocks:
        if block.kind not in ("body", "task"):
            continue
        for i, (k, obj) in enumerate(block.parts):
            if k != "t" or not isinstance(obj, str):
                continue
            for wrong, right in pairs:
                m = re.search(r"(?<!\w)" + re.escape(right) + r"(?!\w)", obj)
                if m:
                    options.append((block, i, obj, m, wrong, right))
    if not options:
        return None
    block, i, text, m, wrong, right = rng.choice(options)
    block.parts[i] = ("t", text[:m.start()] + wrong + text[m.end():])
    return Mistake("misspelling", f"lỗi chính tả: “{wrong}” (đúng là “{right}”)", (wrong,), right, wrong)


HANDLERS: dict[str, Callable[[Ctx, list[Para], random.Random], Mistake | None]] = {
    "sum": _figure("sum", "sum", "any"),
    "ratio": _figure("ratio", "ratio", "result"),
    "percent_change": _figure("percent_change", "change", "result"),
    "carry_over": _figure("carry_over", "carry_over", "any"),
    "cumulative": _figure("cumulative", "cumulative", "result"),
    "date_year": date_year,
    "doc_date": doc_date,
    "duplicate_heading": duplicate_heading,
    "skipped_heading": skipped_heading,
    "doubled_word": doubled_word,
    "misspelling": misspelling,
}
