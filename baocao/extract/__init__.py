"""Stage 3 — extract: every quantity of a document, with its meaning and its source.

`extract()` runs the steps in order over every paragraph and footnote:
scan (numbers and units) → context (qualifiers, subject) → relations (ratios,
comparisons, parts) → catalogue (indicator mapping).
"""

from __future__ import annotations

import re
from pathlib import Path

from baocao.extract.catalogue import Catalogue, load_catalogue
from baocao.extract.context import Cues, elided_head, qualifiers, subject
from baocao.extract.drafts import Draft, unit_compatible
from baocao.extract.lexicon import load_lexicon, load_partitions
from baocao.extract.mapping import (
    Context,
    base_of,
    can_map,
    map_indicator,
    named_in_sentence,
    plan_rate_indicator,
    rate_indicator,
    reached_rate_indicator,
)
from baocao.extract.model import Fact, new_fact, replace_fact
from baocao.extract.nonfacts import load_rules
from baocao.extract.parts import link_footnote_breakdown
from baocao.extract.relations import relate
from baocao.extract.scan import scan
from baocao.extract.sentences import clause_start, sentence_spans, span_at
from baocao.parse.model import Document
from baocao.parse.plans import plan_paragraphs


def _noun_re(nouns: frozenset[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])", re.IGNORECASE)


_NOUN_RE: dict[int, re.Pattern[str]] = {}


def extract(document: Document, data_dir: Path | None = None) -> tuple[Fact, ...]:
    lex = load_lexicon(data_dir)
    rules = load_rules(data_dir)
    catalogue = load_catalogue(data_dir)
    catalogue.forget()
    noun_re = _NOUN_RE.get(id(lex))
    if noun_re is None:
        noun_re = _NOUN_RE.setdefault(id(lex), _noun_re(lex.implied_nouns))
    partitions = load_partitions(data_dir)
    counter = [0]
    titles: dict[str, str] = {}
    for node in document.iter_sections():
        for p in node.paragraphs:
            titles[p.id] = node.title

    def facts_of(text: str, paragraph: str | None, footnote: int | None, section: str) -> list[Draft]:
        mentions = scan(text, lex, rules, noun_re)
        if not mentions:
            return []
        spans = sentence_spans(text)
        cues = Cues(text)
        drafts: list[Draft] = []
        for m in mentions:
            counter[0] += 1
            sentence = span_at(spans, m.start)
            clause_at = clause_start(text, sentence[0], m.start)
            q = qualifiers(text, sentence, clause_at, m, cues)
            fact = new_fact(
                id=f"f{counter[0]}",
                value=round(m.value, 6),
                dimension=m.dimension,
                unit=m.unit,
                raw=text[m.start : m.end],
                sentence=text[sentence[0] : sentence[1]],
                paragraph=paragraph,
                footnote=footnote,
                start=m.start,
                end=m.end,
                subject=subject(text, clause_at, m, section),
                qualifiers=q,
                decimals=m.decimals,
                scale=m.scale,
                role=m.role if m.role in ("numerator", "denominator") else None,
                sentence_start=sentence[0],
            )
            drafts.append(Draft(fact=fact, sentence=sentence))
        relate(text, drafts, partitions)
        return drafts

    body: dict[str, list[Draft]] = {}
    paragraphs = {p.id: p for p in document.iter_paragraphs()}
    for p in paragraphs.values():
        body[p.id] = facts_of(p.text, p.id, None, titles.get(p.id, ""))
    notes: dict[int, list[Draft]] = {}
    for note in document.footnotes:
        notes[note.number] = facts_of(note.text, note.paragraph, note.number, titles.get(note.paragraph or "", ""))
        if note.paragraph and note.offset is not None:
            para = paragraphs.get(note.paragraph)
            if para is not None:
                link_footnote_breakdown(para.text, note.offset, body.get(note.paragraph, []), note.text,
                                        notes[note.number])
    frozen = [d.freeze() for group in (body.values(), notes.values()) for items in group for d in items]
    texts: dict[tuple[str | None, int | None], str] = {(p.id, None): p.text for p in paragraphs.values()}
    texts.update({(n.paragraph, n.number): n.text for n in document.footnotes})
    return tuple(_with_indicators(frozen, catalogue, titles, texts, plan_paragraphs(document)))


_CONTINUES = re.compile(
    r"[\s,(;]*(?:(?:(?:lũy|luỹ)\s+kế|cộng\s+dồn|từ\s+đầu\s+năm|tính\s+chung|ước|đạt|được|là|\d{1,2}\s+tháng"
    r"(?:\s+đầu\s+năm)?|tháng\s+\d{1,2}(?:/\d{4})?|năm\s+\d{4}|(?:tính\s+)?đến\s+(?:hết\s+)?(?:ngày\s+)?"
    r"\d{1,2}/\d{1,2}(?:/\d{4})?)[\s,]*)+",
    re.IGNORECASE,
)
_BASIS_WORDS = re.compile(r"^\s*(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán|cùng\s+kỳ|chỉ\s+tiêu)[^;,\d]{0,40}",
                          re.IGNORECASE)
_RECIPIENTS = re.compile(r"(?<!\w)cho(?:\s+(?:các|những|mỗi))?\s*$", re.IGNORECASE)
# "với số tiền 7.650.000 đồng", "với tổng khối lượng 9.840 kg" after a count (words between, no
# other figure): the amount of it
_AMOUNT = re.compile(r"[^;.]{0,200}?(?:(?<!\w)(?:với|có)|,)\s+(?:tổng\s+)?(?:số\s+tiền|trị\s+giá|"
                     r"kinh\s+phí(?:\s+(?:hỗ\s+trợ|huy\s+động|thực\s+hiện))?|(?:số\s+)?vốn(?:\s+đầu\s+tư|\s+đăng\s+ký)?|"
                     r"phạt(?:\s+tiền)?|nộp\s+ngân\s+sách|doanh\s+thu|(?<=tổng\s)thu|thiệt\s+hại(?:\s+(?:về\s+)?tài\s+sản)?|khối\s+lượng|trọng\s+lượng|"
                     r"diện\s+tích(?:\s+(?:thiệt\s+hại|bị\s+cháy))?)"
                     r"(?:\s+(?:là|ước\s+tính|ước|khoảng|gần|hơn|trên))*\s*:?\s*", re.IGNORECASE)
_TARGET = re.compile(r"(?<!\w)(?:phấn\s+đấu|mục\s+tiêu)(?!\w)", re.IGNORECASE)
_PARTS_OPENING = re.compile(r"\W*(?:trong\s+đó|gồm|bao\s+gồm)\b", re.IGNORECASE)
_RATE_AFTER = re.compile(r"\s*,?\s*(?:đạt|bằng)(?:\s+tỷ\s+lệ)?\s*", re.IGNORECASE)
_OVER_DENOMINATOR = re.compile(r"\s*/\s*\d[\d.,]*\s*")
_NEXT_COUNT = re.compile(r"\s*(?:,|và)?\s*\d[\d.]*\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?=[^\W\d_])")
_CASES_THEN_PERSONS = re.compile(r"\s*(?:/|với)\s*\d[\d.]*\s+(?:đối\s+tượng|người)\s+(?=[^\W\d_])", re.IGNORECASE)
_AFTER_NOUN = re.compile(r"\s*([^\W\d_][^,;:.()\d%]{0,50}?)(?=\s*(?:[,;:.()%]|\d|đạt|tăng|giảm|bằng|với|cho\s|của\s|tại\s|$))")


BEFORE_WINDOW = 160  # characters of the sentence before a number that may name what it measures


def _context(fact: Fact, title: str, texts: dict[tuple[str | None, int | None], str]) -> Context:
    rel_start = fact.start - fact.sentence_start
    before = fact.sentence[max(0, rel_start - BEFORE_WINDOW) : rel_start]
    whole = texts.get((fact.paragraph, fact.footnote), "")
    previous = whole[max(0, fact.sentence_start - 200) : fact.sentence_start]
    if _PARTS_OPENING.match(fact.sentence):
        previous = ""  # "… thu ngân sách 38.640 triệu đồng. Trong đó: thuế …": parts, not the whole
    # the noun phrases read after the number are short: no need to copy a long sentence's rest
    after = fact.sentence[fact.end - fact.sentence_start : fact.end - fact.sentence_start + 160]
    noun = fact.unit if fact.dimension == "count" else ""
    over_noun = ""
    if fact.role == "numerator":
        # "kiểm tra 64/64 công trình xây dựng": the numerator is also named after its denominator
        over = _OVER_DENOMINATOR.match(after)
        if over:
            rest = after[over.end():]
            if noun and rest[: len(noun)].lower() == noun.lower():
                rest = rest[len(noun):]
            over_tail = _AFTER_NOUN.match(rest)
            over_noun = f"{noun} {over_tail.group(1) if over_tail else ''}".strip()
    tail = _AFTER_NOUN.match(after)
    if (tail is None or tail.group(1).strip().lower() == "với") and noun:
        # "bắt giữ 64 vụ, 97 đối tượng phạm tội về ma túy" ("06 vụ/14 đối tượng …", "2 vụ với 4 đối
        # tượng …"): the words after the last count of such a pair name what both are counts of
        pair = _CASES_THEN_PERSONS.match(after) if noun.lower() == "vụ" else None
        pair = pair or _NEXT_COUNT.match(after)
        if pair:
            tail = _AFTER_NOUN.match(after, pair.end())
    elided, item = elided_head(before)
    last = before[-16:]  # "$"-anchored: search only the end (a search tries every position)
    recipients = fact.dimension == "count" and "ho" in last.lower() and bool(_RECIPIENTS.search(last))
    after_words = f"{noun} {tail.group(1) if tail else ''}".strip()
    lead = before[before.rfind(" ", 0, len(before) - 30) + 1:] if after_words else ""
    return Context(before=before, after=after_words, section=title,
                   previous=previous, elided=elided, elided_item=item, over=over_noun,
                   recipients=recipients, lead=lead, noun=noun)


def _with_indicators(facts: list[Fact], catalogue: Catalogue, titles: dict[str, str],
                     texts: dict[tuple[str | None, int | None], str], plans: frozenset[str] = frozenset()) -> list[Fact]:
    """Map every fact to the catalogue; rates follow the indicator of what they are a rate of.
    Figures of the plan parts (`plans`: paragraph ids) and of a "phấn đấu" clause are targets:
    they measure no indicator of the period."""
    by_id: dict[str, Fact] = {}
    out: list[Fact] = []
    for fact in facts:
        basis = next((r.basis for r in fact.relations if r.kind == "change_of"), None)
        if not can_map(catalogue, fact.dimension, fact.role, basis) or fact.paragraph in plans or _is_target(fact):
            code, confidence = None, 0.0
        else:
            ctx = _context(fact, titles.get(fact.paragraph or "", ""), texts)
            code, confidence = map_indicator(catalogue, fact.dimension, fact.unit, fact.role, ctx, basis)
        numerator = out[-1] if fact.role == "denominator" and out and out[-1].role == "numerator" else None
        if numerator is not None and code is not None and code == numerator.indicator:
            code, confidence = None, 0.0  # "6/11 thôn đạt chuẩn kiểu mẫu": the whole is not what its part is
        if code is None and numerator is not None and numerator.indicator:
            # "hoàn thành xóa 2.846/3.512 nhà tạm": the words name the numerator only; the whole is
            # what the numerator's rate is a rate of (ratio_of)
            code = base_of(catalogue, numerator.indicator)
            confidence = 0.6 if code else 0.0
        if code is not None or fact.indicator is not None:
            fact = replace_fact(fact, indicator=code, indicator_confidence=confidence)
        by_id[fact.id] = fact
        out.append(fact)
    at = {f.id: k for k, f in enumerate(out)}
    for i, fact in enumerate(out):
        if i and fact.dimension in ("money", "mass", "area", "volume"):
            last = i - 1
            if last and out[last].role == "ratio_percent":
                last -= 1  # "xóa 2.846/3.512 nhà tạm (81%), kinh phí 161,2 tỷ đồng": past the ratio's percent
            amount = _amount_of(out[last], _counted(out, last).indicator, fact, catalogue)
            whole = next((at[r.target] for r in out[last].relations if r.kind == "part_of" and r.target in at), i)
            if amount is None and whole < last:
                # "đón 2.340 lượt khách (trong đó 185 lượt khách quốc tế), doanh thu ước 1,46 tỷ đồng":
                # after the parts of a count, the amount of the whole
                amount = _amount_of(out[last], _counted(out, whole).indicator, fact, catalogue)
            if amount:
                out[i] = fact = replace_fact(fact, indicator=amount, indicator_confidence=0.8)
        if i and fact.dimension != "percent":
            prev = out[i - 1]
            between = _between(prev, fact)
            if prev.dimension == "percent" and i > 1 and between is not None and any(
                    r.target == out[i - 2].id for r in prev.relations):
                # "đạt 5.127,3 tỷ đồng, bằng 50,1% kế hoạch; ước đến ngày 30/9/2025 đạt 5.630 tỷ đồng":
                # past the percent of the figure before and its basis
                prev, between = out[i - 2], _BASIS_WORDS.sub("", between, count=1)
            if (
                prev.indicator
                and between is not None
                and prev.dimension == fact.dimension
                and (prev.unit == fact.unit or (fact.dimension == "count" and unit_compatible(prev.unit, fact.unit)))
                and _CONTINUES.fullmatch(between)
            ):
                # "thu được 706 triệu đồng lũy kế đạt 4.567 triệu đồng": the same measure, cumulated
                out[i] = replace_fact(fact, indicator=prev.indicator, indicator_confidence=prev.indicator_confidence)
            continue
        if fact.dimension != "percent":
            continue
        for rel in fact.relations:
            if rel.kind in ("ratio_of", "achievement_of", "share_of") and rel.target in by_id:
                if rel.kind == "achievement_of" and rel.basis == "same_period_last_year":
                    continue
                target = by_id[rel.target].indicator
                code = (catalogue.share_indicator(target or "") if rel.kind == "share_of" else None) or (
                    rate_indicator(catalogue, target, rel.basis))
                if code:
                    out[i] = replace_fact(fact, indicator=code, indicator_confidence=0.8)
        if fact.role == "achievement" and out[i].indicator is None and fact.paragraph not in plans and not any(
                r.kind == "achievement_of" for r in fact.relations) and not _is_target(fact):
            basis = next((r.basis for r in fact.relations if r.kind == "compared_to"), None)
            code = plan_rate_indicator(catalogue, _context(fact, titles.get(fact.paragraph or "", ""), texts), basis)
            if code:
                out[i] = replace_fact(fact, indicator=code, indicator_confidence=0.7)
        if fact.role is None and not fact.relations and fact.paragraph not in plans and _reached(fact) \
                and not (i and _rate_after(out[i - 1], fact)) and not _is_target(fact):
            ctx = _context(fact, titles.get(fact.paragraph or "", ""), texts)
            code = None if fact.indicator and named_in_sentence(catalogue, ctx, fact.indicator) else (
                reached_rate_indicator(catalogue, ctx))
            if code:
                out[i] = replace_fact(fact, indicator=code, indicator_confidence=0.7)
        if i and out[i].indicator is None and fact.role in (None, "achievement") and not fact.relations:
            rate = _bare_rate(out[i - 1], fact, catalogue)
            if rate:
                out[i] = replace_fact(fact, indicator=rate, indicator_confidence=0.7)
    current = {f.id: f for f in out}
    measured: set[tuple[str, str]] = set()  # (whole, indicator) of the parts met so far
    for i, fact in enumerate(out):
        if fact.role == "basis_value" and fact.indicator is None:
            base = _basis_indicator(fact, current, catalogue)
            if base:
                out[i] = replace_fact(fact, indicator=base, indicator_confidence=0.7)
            continue
        wholes = [r.target for r in fact.relations if r.kind == "part_of" and r.target in current]
        if fact.indicator and wholes:
            # "nuôi trồng thủy sản 742 ha, trong đó nuôi ngao 585 ha": a part is not its whole, nor
            # another part of it ("(trong đó: thu tiền sử dụng đất …; thuế ngoài quốc doanh …)")
            if any(current[w].indicator == fact.indicator or (w, fact.indicator) in measured for w in wholes):
                out[i] = replace_fact(fact, indicator=None, indicator_confidence=0.0)
            measured.update((w, fact.indicator) for w in wholes)
    return out


def _between(prev: Fact, fact: Fact) -> str | None:
    """The text between two facts of one sentence (`prev` first); None when the sentences differ."""
    if (prev.paragraph, prev.footnote, prev.sentence_start) != (fact.paragraph, fact.footnote, fact.sentence_start):
        return None
    return fact.sentence[prev.end - fact.sentence_start : fact.start - fact.sentence_start]


def _basis_indicator(fact: Fact, current: dict[str, Fact], catalogue: Catalogue) -> str | None:
    """ "bằng 91,3% dự toán Thành phố giao (440,5 tỷ đồng)": the figure in brackets is the estimate
    (plan, target) the percent is of — the catalogue's indicator for that basis of what was reached."""
    for rel in fact.relations:
        pct = current.get(rel.target) if rel.kind == "basis_of" else None
        if pct is None or rel.basis in (None, "same_period_last_year", "previous_period"):
            continue
        reached = next((current.get(r.target) for r in pct.relations if r.kind == "achievement_of"), None)
        if reached is None or not reached.indicator:
            continue
        return catalogue.basis_indicator(reached.indicator, rel.basis or "")
    return None


_REACHED = re.compile(r"(?<!\w)đạt\s*$", re.IGNORECASE)


def _reached(fact: Fact) -> bool:
    """The percent follows "đạt" ("mới đạt 63,7%")."""
    at = fact.start - fact.sentence_start
    return bool(_REACHED.search(fact.sentence, max(0, at - 8), at))


def _is_target(fact: Fact) -> bool:
    """ "Phấn đấu hoàn thành gieo cấy 412 ha lúa", "mục tiêu đạt 95%": a target, not a result."""
    if "hấn đấu" not in fact.sentence and "ục tiêu" not in fact.sentence:  # either case of the first letter
        return False
    at = fact.start - fact.sentence_start
    return bool(_TARGET.search(fact.sentence, max(0, clause_start(fact.sentence, 0, at) - 1), at))


def _bare_rate(prev: Fact, fact: Fact, catalogue: Catalogue) -> str | None:
    """ "điều tra làm rõ 38 vụ, đạt 90,5%": a percent right after a figure, with no basis printed,
    is the rate of that figure's indicator (ratio_of in the catalogue)."""
    if prev.dimension == "percent" or not prev.indicator or not _rate_after(prev, fact):
        return None
    return rate_indicator(catalogue, prev.indicator, None)


def _rate_after(prev: Fact, fact: Fact) -> bool:
    """ "điều tra làm rõ 38 vụ, đạt 90,5%": the percent follows the figure `prev` of its sentence."""
    between = _between(prev, fact)
    return between is not None and bool(_RATE_AFTER.fullmatch(between))


def _counted(facts: list[Fact], i: int) -> Fact:
    """What the count `facts[i]` counts: a ratio's numerator ("hoàn thành 45/45 nhà, tổng kinh phí …":
    the amount of what was done)."""
    if facts[i].role == "denominator" and i > 0 and facts[i - 1].role == "numerator":
        return facts[i - 1]
    return facts[i]


def _amount_of(prev: Fact, counted: str | None, fact: Fact, catalogue: Catalogue) -> str | None:
    """The money indicator of "xử phạt 4 trường hợp với số tiền 7.650.000 đồng": the amount of the
    count `prev` just before it in the sentence (whose indicator is `counted`: a ratio's is its
    numerator's), when the catalogue names one (amount_of). Digits between are no figures (the
    facts are consecutive): a date or an address ("01 vụ cháy tại ngõ 12 …, thiệt hại 150 triệu")."""
    between = _between(prev, fact)
    if prev.dimension != "count" or not counted or between is None or not _AMOUNT.fullmatch(between):
        return None
    return catalogue.amount_indicator(counted, fact.dimension)
