"""Catalogue phrases a text prints apart: interrupted by the number ("kiểm tra 34 công trình" for
"kiểm tra công trình"), in the other order ("khám 2.145 lượt" for "lượt khám"), or a measure head
apart from what it measures ("lúa … sản lượng ước 2.032,8 tấn" for "sản lượng lúa"; "cây màu: lạc
46,5 ha" for "diện tích lạc")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from baocao.extract.phrases import PhraseKey, normalise
from baocao.text.normalize import fold

if TYPE_CHECKING:
    from baocao.extract.catalogue import Catalogue

_HEAD_FILLERS = {"uoc", "dat", "tinh", "khoang", "binh", "quan", "la", ",", "duoc"}
_FIGURE_BEFORE_COMMA = re.compile(r"\d[^\d,;:]{0,15}$")


def _item_at_end(before: str) -> str:
    """A list item of one to three words right before the number, after a colon, a dash, or a
    comma or semicolon that follows a figure ("cây màu: lạc ", "lạc 46,5 ha, ngô ", "sản lượng
    3.215 tấn; sắn "); "" when there is none."""
    text = before.rstrip()
    cut = max(text.rfind(":"), text.rfind("-"), text.rfind("–"), text.rfind(","), text.rfind(";"))
    item = text[cut + 1:]
    words = item.split()
    if not 1 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return ""
    if cut >= 0 and text[cut] in ",;" and not _FIGURE_BEFORE_COMMA.search(text, max(0, cut - 20), cut):
        return ""
    return item


def interrupted(catalogue: Catalogue, lead: str, after: str) -> list[PhraseKey]:
    """Phrases that run from the last words before the number (`lead`) into the noun phrase after
    it, but not one that begins inside a phrase ending at the number ("đang giải quyết 58 hồ sơ"
    is not "giải quyết hồ sơ")."""
    if not _may_join(catalogue, lead, after):
        return []
    junction = catalogue.find(lead)[0] - 1
    joined = catalogue.find(f"{lead} {after}")[1]
    ending = min((end - len(phrase) for (_, phrase), end in joined.items() if abs(end - junction) <= 1),
                 default=junction)
    return [key for key, end in joined.items() if end - len(key[1]) <= min(ending, junction - 2) and end > junction + 1]


def inverted(catalogue: Catalogue, lead: str, noun: str) -> list[PhraseKey]:
    """ "Trạm Y tế khám 2.145 lượt", "tiếp 3.126 lượt", "cháy 24 vụ": a noun that counts events
    (`event_nouns`) and the verb before the number, in the order of a noun phrase ("lượt khám",
    "lượt tiếp", "vụ cháy"). Only those nouns: "quá hạn 14 hồ sơ" is not "hồ sơ quá hạn"."""
    if not noun or catalogue.folded_unit(noun) not in catalogue.event_nouns:
        return []
    verb = normalise(lead[-16:]).split()
    if not verb or verb[-1] in (",", ";"):
        return []
    found: list[PhraseKey] = []
    for n in (2, 1):
        text = f"{noun} {' '.join(verb[-n:])}"
        norm_len, hits = catalogue.find(text)
        found.extend(key for key, end in hits.items() if end == norm_len and end - len(key[1]) == 0)
    return found


def _may_join(catalogue: Catalogue, lead: str, after: str) -> bool:
    """Whether a phrase could run from the last word of `lead` into the first of `after`:
    some phrase holds the two words in a row."""
    if "pairs" not in catalogue._extra:
        catalogue._extra["pairs"] = {pair for p in catalogue._sizes for pair in zip(p.split(), p.split()[1:], strict=False)}
    last, first = lead[-12:].split(), after[:12].split()
    if not (last and first):
        return False
    a, b = last[-1], first[0]
    if not (a.isalpha() and b.isalpha()):  # punctuation glued on: what the normalised text holds
        a, b = (normalise(a).split() or [""])[-1], (normalise(b).split() or [""])[0]
    return (fold(a), fold(b)) in catalogue._extra["pairs"]  # type: ignore[operator]


def composed(catalogue: Catalogue, before: str, named: bool, allowed: frozenset[str]) -> list[PhraseKey]:
    """Phrases of a measure head and what it measures that the text prints apart (`heads`):
    "lúa … năng suất 52,8 tạ/ha, sản lượng ước 2.032,8 tấn" (the head before the number, what
    it measures earlier in the sentence: "sản lượng lúa"; only when no phrase has `named` the
    figure) and "cây màu: lạc 46,5 ha, ngô 38 ha" (a list item that names what it measures,
    the head left out: "diện tích lạc")."""
    if not catalogue.heads:
        return []
    if "completions" not in catalogue._extra:
        done: dict[str, dict[str, list[PhraseKey]]] = {}
        for ind in catalogue.indicators:
            for phrase in ind.phrases:
                for head in catalogue.heads:
                    if phrase.startswith(head) and len(phrase) > len(head):
                        done.setdefault(head, {}).setdefault(phrase[len(head) - 1:], []).append((ind.code, phrase))
        catalogue._extra["completions"] = done
        catalogue._extra["completed"] = frozenset(key[0] for rest in done.values() for keys in rest.values() for key in keys)
    completions: dict[str, dict[str, list[PhraseKey]]] = catalogue._extra["completions"]  # type: ignore[assignment]
    if allowed.isdisjoint(catalogue._extra["completed"]):  # type: ignore[arg-type]
        return []  # no composed phrase could name a figure of this dimension
    out: list[PhraseKey] = []
    item = _item_at_end(before)
    if item:  # "lạc 46,5 ha"
        key = normalise(item)
        for rest in completions.values():
            out.extend(rest.get(key, ()))
    if named:
        return out
    words = normalise(before).split()
    while words and words[-1] in _HEAD_FILLERS:
        words.pop()
    for head, rest in completions.items():
        head_words = head.split()
        if words[-len(head_words):] == head_words:  # "sản lượng ước 2.032,8 tấn"
            earlier = words[: -len(head_words)]
            # what it measures is named in its own clause, else in the nearest earlier clause of
            # the sentence that has a figure ("gieo cấy 412,6 ha lúa, đạt 101,3% kế hoạch; … sản
            # lượng ước 2.032,8 tấn"; but not "chuyển đất lúa sang đất ở; … diện tích 144 m2")
            clauses = " ".join(earlier).split(" ; ")
            hit = _nearest(clauses[-1].split(), rest)
            for clause in reversed(clauses[:-1]):
                if hit:
                    break
                if any(ch.isdigit() for ch in clause):
                    hit = _nearest(clause.split(), rest)
            if hit:
                out.extend(hit)
    return out


def _nearest(words: list[str], completions: dict[str, list[PhraseKey]]) -> list[PhraseKey] | None:
    """The completions of a head named by the last of `words` that names one (one to three words,
    the longest: "cà phê" is no "cá")."""
    for at in range(len(words) - 1, -1, -1):
        hit = next((completions[key] for n in (3, 2, 1) if (key := f" {' '.join(words[at:at + n])} ") in completions), None)
        if hit:
            return hit
    return None
