"""Match the planned tasks of period P to what the report of the next period says.

Method (deterministic, a report pair in well under a second):
1. Candidates: every sentence of the next report's body and footnotes, except its own
   key-tasks part (those are plans for the period after).
2. Each task is cut into clauses (sentences, then ";" parts); each clause and candidate
   becomes a set of features on folded text: content syllables and syllable bigrams,
   weighted by IDF over the pair (rare words such as "khai giảng", "Đại hội Thi đua" count
   most; "thực hiện", "tăng cường" hardly).
3. Similarity of a clause and a sentence: the IDF-weighted share of the clause's features
   the sentence holds (coverage), blended with rapidfuzz's token-set ratio; a task's score
   is its best clause, plus agreement bonuses: same sector (of the sentence's section
   heading), a shared indicator phrase, a shared proper name.
4. Best sentence at or above `THRESHOLD` → the evidence; its cues (`cues.py`) near the
   task's words give done / in_progress. Below → not_mentioned.
5. Confidence: similarity margin and cue strength for a match; distance below the
   threshold for not_mentioned.
Prior decisions people confirmed (`Override`, kept by the store) are returned as they are.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from baocao.parse.model import Document, Section
from baocao.parse.plans import plan_parts as task_parts
from baocao.tasks.cues import decide, find_cues, has_quantity
from baocao.tasks.model import Evidence, Override, PlannedTask, TaskStatus
from baocao.tasks.text import clean, split_sentences, strip_bullet
from baocao.tasks.vocab import Vocabulary, vocabulary
from baocao.text.normalize import fold

THRESHOLD = 0.30
SECTOR_BONUS = 0.06
SECTOR_MISMATCH = 0.88  # a sentence about another sector is less likely to report on the task
INDICATOR_BONUS = 0.06
NAME_BONUS = 0.10
THIN_BIGRAMS = 5  # a clause with fewer content bigrams is too thin to stand on its own
UNIGRAM_WEIGHT = 0.35  # one syllable says less than two ("thu" is revenue, autumn or to collect)
ASSESSMENT_FACTOR = 0.7  # "Ưu điểm", "Hạn chế": summaries rather than results
FOOTNOTE_FACTOR = 0.85  # footnotes list details; the body reports results
_ASSESSMENT = re.compile(r"(danh gia chung|uu diem|han che|kho khan|nguyen nhan|ton tai)")
_DIRECTION = re.compile(r"chi dao,? dieu hanh")
EVIDENCE_SHARE = 0.35  # a sentence scoring this share of the best one can still be the evidence

# Syllables that carry no topic in these reports (verbs of effort, connectives, generic nouns).
_STOP_TEXT = (
    "va cac cua cho tren dia ban theo quy dinh thuc hien tiep tuc tang cuong day manh trien khai to chuc cong tac "
    "dam bao tot nhiem vu giai phap nang cao hieu qua chat luong kip thoi dong bo quyet liet tap trung chi dao voi "
    "trong de duoc da dang nhung mot so nay do tai ve tu den nam thang ky lam viec co khong la cung nhu hon nua "
    "sau truoc khi can phai nham gan vao ra len xuong cac nhat ngay duy tri thuong xuyen chu dong lanh kiem tra "
    "don doc huong dan ke hoach phong ban nganh cap uy nhan dan ubnd thanh pho tinh xa phuong tren hop ly "
    "trong tam chuong trinh hoat dong"
)
STOP = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"\w+")
_NAME = re.compile(r"(?:[A-ZĐ][\wÀ-ỹ]*)(?:\s+(?:[A-ZĐ][\wÀ-ỹ]*|[a-zđà-ỹ]+)){1,6}")


@dataclass(frozen=True)
class Candidate:
    paragraph: str
    text: str
    section: str
    sectors: frozenset[str]  # of its section heading and of the sentence itself
    folded: str
    features: frozenset[str]
    indicators: frozenset[str]
    names: frozenset[str]
    factor: float = 1.0  # down-weighting of assessment sentences and footnotes
    role: str = "result"  # "direction" (part I restates what was directed), "assessment", "result"
    informative: bool = False  # carries a status cue or a figure


def _features(folded: str, stop: frozenset[str] = STOP) -> frozenset[str]:
    """Content syllables and syllable bigrams (a bigram holds a space) of folded text."""
    words = _WORD.findall(folded)
    out = {w for w in words if w not in stop and not w.isdigit()}
    for a, b in itertools.pairwise(words):
        if not (a in stop and b in stop) and not (a.isdigit() or b.isdigit()):
            out.add(f"{a} {b}")
    return frozenset(out)


def stop_words(*docs: Document) -> frozenset[str]:
    """STOP plus the syllables of the reporting units' names ("lang", "son" are everywhere)."""
    extra: set[str] = set()
    for doc in docs:
        for text in (doc.meta.unit_name, doc.meta.unit_kind):
            if text:
                extra.update(_WORD.findall(fold(text)))
    return STOP | frozenset(extra)


def _names(text: str) -> frozenset[str]:
    """Proper names of three or more words ("Đại hội Thi đua yêu nước tỉnh Lạng Sơn"), folded."""
    out = set()
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        caps = sum(1 for w in words if w[:1].isupper())
        if len(words) >= 3 and caps >= 2 and words[0].lower() not in ("trong", "tiếp", "tổ", "thực", "tăng"):
            out.add(fold(" ".join(words[:4])))
    return frozenset(out)


def _section_paths(doc: Document) -> dict[str, tuple[str, ...]]:
    """Paragraph id → the titles of its section and that section's ancestors."""
    out: dict[str, tuple[str, ...]] = {}

    def walk(nodes: tuple[Section, ...], path: tuple[str, ...]) -> None:
        for node in nodes:
            here = (*path, node.title)
            for p in node.paragraphs:
                out[p.id] = here
            walk(node.children, here)

    walk(doc.sections, ())
    return out


def candidates(doc: Document, vocab: Vocabulary | None = None, stop: frozenset[str] = STOP) -> list[Candidate]:
    """Sentences of a report that can report on last period's tasks."""
    vocab = vocab or vocabulary()
    skip: set[str] = set()
    for part in task_parts(doc):
        stack = [part]
        while stack:
            node = stack.pop()
            skip.update(p.id for p in node.paragraphs)
            stack.extend(node.children)
    paths = _section_paths(doc)
    sources: list[tuple[str, str, tuple[str, ...], float]] = []
    for p in doc.iter_paragraphs():
        if p.id not in skip:
            sources.append((p.id, p.text, paths.get(p.id, ()), 1.0))
    for f in doc.footnotes:
        if f.paragraph is None or f.paragraph not in skip:
            sources.append((f"fn{f.number}", f.text, paths.get(f.paragraph or "", ()), FOOTNOTE_FACTOR))
    out = []
    for pid, text, path, factor in sources:
        heading = " / ".join(path[1:]) or " / ".join(path)
        role = "result"
        if _ASSESSMENT.search(fold(" ".join(path))):
            factor *= ASSESSMENT_FACTOR
            role = "assessment"
        elif path and _DIRECTION.search(fold(path[0])):
            role = "direction"
        section_sector = vocab.sector("", heading) if heading else "other"
        for sentence in split_sentences(clean(strip_bullet(text))):
            folded = fold(sentence)
            sectors = frozenset({section_sector, vocab.sector(sentence)} - {"other"})
            informative = bool(find_cues(sentence)) or has_quantity(sentence)
            out.append(Candidate(pid, sentence, path[-1] if path else "", sectors, folded, _features(folded, stop),
                                 frozenset(vocab.indicators_in(sentence)), _names(sentence), factor, role,
                                 informative))
    return out


def _clauses(text: str) -> list[str]:
    """The task's sentences, their ";" parts, and the whole sentence when it has parts.
    (Windows over long parts were tried: they found one more result and five false ones.)"""
    out = []
    for sentence in split_sentences(text):
        parts = [part.strip() for part in sentence.split(";") if len(part.strip()) > 12]
        out.extend(parts)
        if len(parts) > 1:
            out.append(sentence)
    return out or [text]


class _Scorer:
    def __init__(self, cands: list[Candidate], tasks: Iterable[PlannedTask], stop: frozenset[str]) -> None:
        self.stop = stop
        docs = [c.features for c in cands] + [_features(fold(t.text), stop) for t in tasks]
        n = len(docs)
        df: dict[str, int] = {}
        for feats in docs:
            for f in feats:
                df[f] = df.get(f, 0) + 1
        self.idf = {f: (math.log((n + 1) / (d + 1)) + 1.0) * (1.0 if " " in f else UNIGRAM_WEIGHT)
                    for f, d in df.items()}
        self.default_idf = math.log(n + 1) + 1.0
        self.cand_weight = [self.weight(c.features) for c in cands]

    def weight(self, feats: Iterable[str]) -> float:
        return sum(self.idf.get(f, self.default_idf * (1.0 if " " in f else UNIGRAM_WEIGHT)) for f in feats)

    def similarity(self, clause: frozenset[str], clause_folded: str, clause_weight: float, thin: float,
                   cand: Candidate, cand_weight: float) -> float:
        shared = clause & cand.features
        if not shared:
            return 0.0
        shared_weight = self.weight(shared)
        coverage = shared_weight / clause_weight
        precision = shared_weight / cand_weight if cand_weight else 0.0
        ratio = float(fuzz.token_set_ratio(clause_folded, cand.folded)) / 100.0
        sim = 0.75 * coverage + 0.25 * ratio * math.sqrt(coverage)
        return sim * thin * (0.75 + 0.25 * min(1.0, precision / 0.25))


def _score_task(task: PlannedTask, cands: list[Candidate], scorer: _Scorer,
                vocab: Vocabulary) -> list[tuple[float, int, frozenset[str]]]:
    clauses = []
    for clause in _clauses(task.text):
        folded = fold(clause)
        feats = _features(folded, scorer.stop)
        if feats:
            bigrams = sum(1 for f in feats if " " in f)
            clauses.append((feats, folded, scorer.weight(feats), math.sqrt(min(1.0, bigrams / THIN_BIGRAMS))))
    task_inds = frozenset(vocab.indicators_in(task.text))
    task_names = _names(task.text)
    scored = []
    for i, cand in enumerate(cands):
        best, best_feats = 0.0, frozenset[str]()
        for feats, folded, weight, thin in clauses:
            sim = scorer.similarity(feats, folded, weight, thin, cand, scorer.cand_weight[i])
            if sim > best:
                best, best_feats = sim, feats
        if best <= 0.0:
            continue
        best *= cand.factor
        if task.sector in cand.sectors:
            best += SECTOR_BONUS
        elif cand.sectors and task.sector != "other":
            best *= SECTOR_MISMATCH
        if task_inds & cand.indicators:
            best += INDICATOR_BONUS
        if task_names & cand.names:
            best += NAME_BONUS
        scored.append((min(best, 1.0), i, best_feats))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored


def _evidence(cand: Candidate, score: float) -> Evidence:
    return Evidence(paragraph=cand.paragraph, text=cand.text, section=cand.section, score=round(score, 3))


def _choose(scored: list[tuple[float, int, frozenset[str]]], cands: list[Candidate],
            threshold: float) -> tuple[float, int, frozenset[str]]:
    """The evidence among the plausible sentences: one that reports (a cue or a figure) before one
    that does not, a result section's before part I's restatement of what was directed, then the
    best score. Reports often copy the task into part I ("Chỉ đạo …") and give the result later."""
    best = scored[0][0]
    plausible = [item for item in scored if item[0] >= max(threshold, EVIDENCE_SHARE * best)]
    return max(plausible, key=lambda item: (cands[item[1]].informative, cands[item[1]].role == "result", item[0]))


def _read_on(cands: list[Candidate], index: int, status: str, strength: float) -> tuple[Candidate, str, str, float]:
    """A summary sentence without a cue is often followed by its figures in the same paragraph
    ("Công tác đối ngoại … được thực hiện đúng quy định. Trong tháng, xử lý 16 Tờ trình …"):
    read the next sentence of the paragraph and keep both as the evidence."""
    cand = cands[index]
    after = cands[index + 1] if index + 1 < len(cands) else None
    if after is None or after.paragraph != cand.paragraph or not after.informative:
        return cand, status, "", strength
    status, cue, strength = decide(after.text, frozenset())
    joined = Candidate(cand.paragraph, f"{cand.text} {after.text}", cand.section, cand.sectors, cand.folded,
                       cand.features, cand.indicators, cand.names, cand.factor, cand.role, True)
    return joined, status, cue, strength * 0.9


def match_tasks(tasks: Iterable[PlannedTask], next_doc: Document, overrides: Mapping[str, Override] | None = None,
                vocab: Vocabulary | None = None, threshold: float = THRESHOLD,
                cands: Sequence[Candidate] | None = None) -> list[TaskStatus]:
    """The status of each planned task in the next period's report, in the order given.

    `cands`: the report's candidate sentences when already known — what
    `candidates(next_doc, vocab, stop_words(next_doc))` returns (see `baocao.tasks.prepare`)."""
    vocab = vocab or vocabulary()
    tasks = list(tasks)
    overrides = overrides or {}
    stop = stop_words(next_doc)
    cands = list(cands) if cands is not None else candidates(next_doc, vocab, stop)
    scorer = _Scorer(cands, tasks, stop)
    out: list[TaskStatus] = []
    for task in tasks:
        confirmed = overrides.get(task.key)
        if confirmed is not None:
            out.append(TaskStatus(task, confirmed.status, 1.0, confirmed.evidence, source="confirmed"))
            continue
        scored = _score_task(task, cands, scorer, vocab)
        alternatives = tuple(_evidence(cands[i], s) for s, i, _ in scored[1:4] if s >= threshold * 0.7)
        if not scored or scored[0][0] < threshold:
            best = scored[0][0] if scored else 0.0
            confidence = 1.0 - 0.6 * (best / threshold)
            out.append(TaskStatus(task, "not_mentioned", round(confidence, 3), None,
                                  tuple(_evidence(cands[i], s) for s, i, _ in scored[:3] if s >= threshold * 0.7)))
            continue
        score, index, feats = _choose(scored, cands, threshold)
        cand = cands[index]
        status, cue, strength = decide(cand.text, frozenset(f for f in feats & cand.features if " " not in f))
        if not cue and not cand.informative:
            cand, status, cue, strength = _read_on(cands, index, status, strength)
        margin = min(1.0, 0.5 + (score - threshold) / (1.0 - threshold))
        confidence = round(0.5 * margin + 0.5 * strength, 3)
        out.append(TaskStatus(task, status, confidence, _evidence(cand, score), alternatives, cue))
    return out
