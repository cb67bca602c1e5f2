"""The indicator catalogue (data file `baocao/data/indicators.yaml`) and mapping facts to it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from baocao.extract.lexicon import _data_text
from baocao.text.normalize import fold, nfc


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    sector: str
    dimension: str
    unit: str
    display_unit: str
    aggregate_units: str
    aggregate_time: str
    ratio_of: tuple[str, ...]
    levels: tuple[str, ...]
    key: bool
    phrases: tuple[str, ...]  # folded
    phrases_raw: tuple[str, ...]
    unit_folded: str = ""


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple[Indicator, ...]
    _dims: dict[str, tuple[Indicator, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        for dim in {i.dimension for i in self.indicators}:
            self._dims[dim] = tuple(i for i in self.indicators if i.dimension == dim)

    def by_dimension(self, dimension: str) -> tuple[Indicator, ...]:
        return self._dims.get(dimension, ())

    def codes_of(self, dimension: str) -> frozenset[str]:
        key = f"codes:{dimension}"
        if key not in self._extra:
            self._extra[key] = frozenset(i.code for i in self.by_dimension(dimension))
        return self._extra[key]  # type: ignore[return-value]

    def forget(self) -> None:
        """Drop the phrase cache (it only pays within one document)."""
        self._extra.pop("found", None)

    def find(self, text: str) -> dict[tuple[str, str], int]:
        """Phrases of the catalogue in a normalised text (cached: titles and sentences repeat)."""
        cache = self._extra.setdefault("found", {})
        assert isinstance(cache, dict)
        hit: dict[tuple[str, str], int] | None = cache.get(text)
        if hit is None:
            if len(cache) > 20000:
                cache.clear()
            hit = cache[text] = _find(text, self.phrase_index())
        return hit

    def phrase_index(self) -> dict[tuple[str, ...], tuple[tuple[str, str, int], ...]]:
        """Normalised phrases by their first two words (or only word): (code, phrase, words)."""
        if "index" not in self._extra:
            index: dict[tuple[str, ...], list[tuple[str, str, int]]] = {}
            for ind in self.indicators:
                for phrase in ind.phrases:
                    words = phrase.split()
                    if words:
                        index.setdefault(tuple(words[:2]), []).append((ind.code, phrase, len(words)))
            self._extra["index"] = {k: tuple(v) for k, v in index.items()}
        return self._extra["index"]  # type: ignore[return-value]

    def candidates(self, dimension: str) -> tuple[Indicator, ...]:
        """Indicators a fact of this dimension can measure."""
        return self.by_dimension(dimension)

    def get(self, code: str) -> Indicator | None:
        for ind in self.indicators:
            if ind.code == code:
                return ind
        return None


@lru_cache(maxsize=4)
def load_catalogue(data_dir: Path | None = None) -> Catalogue:
    items = yaml.safe_load(_data_text("indicators.yaml", data_dir)) or []
    out = []
    for item in items:
        phrases = tuple(nfc(p) for p in item.get("phrases", []))
        names = (nfc(item["name"]),)
        out.append(
            Indicator(
                code=item["code"],
                name=nfc(item["name"]),
                sector=item.get("sector", "other"),
                dimension=item["dimension"],
                unit=nfc(str(item["unit"])),
                display_unit=nfc(str(item.get("display_unit", item["unit"]))),
                aggregate_units=item.get("aggregate_units", "sum"),
                aggregate_time=item.get("aggregate_time", "sum"),
                ratio_of=tuple(item.get("ratio_of") or ()),
                levels=tuple(item.get("levels") or ()),
                key=bool(item.get("key", False)),
                phrases=tuple(dict.fromkeys(_norm(p) for p in phrases + names)),
                phrases_raw=phrases,
                unit_folded=fold(str(item["unit"])),
            )
        )
    return Catalogue(tuple(out))


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return " " + re.sub(r"[^\w%]+", " ", fold(text)).strip() + " "


_RATE_ROLES = {None, "ratio_percent", "share", "rate"}
_ACHIEVEMENT_ROLES = {"achievement", "ratio_percent"}
_MIN_SCORE = 8.0
# A phrase before the number loses one point per _DISTANCE_STEP characters between it and the
# number (at most _DISTANCE_MAX points: the only phrase of a long sentence still names it), and
# counts its length (its specificity) only up to _LENGTH_CAP: a long phrase of an earlier clause
# ("tổng thu ngân sách nhà nước … đạt X, trong đó: thu nội địa đạt Y") must not outweigh the
# short phrase right before the number.
_DISTANCE_STEP = 3.5
_DISTANCE_MAX = 15.0
_LENGTH_CAP = 14
# A count whose noun is not the indicator's unit ("481 hộ" for a count of notices) rarely measures it.
_UNIT_PENALTY = 6.0


@dataclass(frozen=True)
class Context:
    """The words around a fact that say what it measures."""

    before: str  # the sentence up to the number (clause words nearest)
    after: str  # the noun phrase right after the number ("văn bản đi", "hồ sơ quá hạn")
    section: str  # the title of the section holding it
    previous: str = ""  # the sentence before, when the fact's own sentence names nothing


def map_indicator(catalogue: Catalogue, dimension: str, unit: str, role: str | None, ctx: Context) -> tuple[str | None, float]:
    """The catalogue indicator a fact measures by its words, with a confidence in [0, 1].

    A phrase right after the number (the count noun phrase) is the strongest clue; a phrase
    before it counts less the farther it stands; the section title counts least.
    """
    if dimension == "percent" and role not in _RATE_ROLES:
        return None, 0.0
    if role in ("change", "basis_value"):
        return None, 0.0
    before = _norm(ctx.before)
    after = _norm(ctx.after)
    section = _norm(ctx.section)
    previous = _norm(ctx.previous)
    unit_f = fold(expand_abbreviation(unit))
    found_after = catalogue.find(after)
    found_before = catalogue.find(before)
    found_previous = catalogue.find(previous)
    found_section = catalogue.find(section)
    allowed = catalogue.codes_of(dimension)
    scores: dict[str, float] = {}
    for key in set(found_after) | set(found_before) | set(found_previous) | set(found_section):
        code, phrase = key
        if code not in allowed:
            continue
        size = _size(phrase)
        if key in found_after:
            score = size * 1.2 + 20
        elif key in found_before:
            distance = len(before) - found_before[key]
            score = size + 10 - min(distance / _DISTANCE_STEP, _DISTANCE_MAX)
        elif key in found_previous:
            score = size * 0.6
        else:
            score = size * 0.4
        if score > scores.get(code, 0.0):
            scores[code] = score
    best: tuple[float, str | None] = (0.0, None)
    for ind in catalogue.candidates(dimension):  # catalogue order breaks ties, as before
        score = scores.get(ind.code, 0.0)
        if score and dimension == "count" and not _count_unit_ok(ind.unit_folded, unit_f):
            score -= _UNIT_PENALTY
        if score > best[0]:
            best = (score, ind.code)
    if best[1] is None or best[0] < _MIN_SCORE:
        return None, 0.0
    code = best[1]
    if role == "denominator":
        # "đã giải quyết 09/15 đơn": the words name the numerator; the denominator is what the
        # numerator's rate is a rate of (ratio_of in the data).
        code = _base_of(catalogue, code) or code
    return code, round(min(1.0, 0.35 + best[0] / 50), 2)


def _find(text: str, index: dict[tuple[str, ...], tuple[tuple[str, str, int], ...]]) -> dict[tuple[str, str], int]:
    """Every catalogue phrase in a normalised text: (code, phrase) → end of its last occurrence.

    Phrases are indexed by their first two words (or their only word), so each position of
    the text is compared with the few phrases that can start there.
    """
    words = text.split()
    ends: list[int] = []
    pos = 0
    for w in words:
        pos = text.index(w, pos) + len(w)
        ends.append(pos)
    found: dict[tuple[str, str], int] = {}
    n = len(words)
    for i, w in enumerate(words):
        for key in ((w,), (w, words[i + 1]) if i + 1 < n else None):
            if key is None:
                continue
            for code, phrase, length in index.get(key, ()):
                if length <= 2 or (i + length <= n and " ".join(words[i : i + length]) == phrase.strip()):
                    found[(code, phrase)] = ends[i + length - 1] + 1
    return found


def _size(phrase: str) -> float:
    """How specific a (normalised) phrase is: its length, counted only a tenth beyond _LENGTH_CAP."""
    n = len(phrase)
    return n if n <= _LENGTH_CAP else _LENGTH_CAP + (n - _LENGTH_CAP) / 10


def _base_of(catalogue: Catalogue, numerator: str) -> str | None:
    """The denominator of the rate whose numerator is `numerator` (ratio_of in the data)."""
    for ind in catalogue.by_dimension("percent"):
        if ind.ratio_of and ind.ratio_of[0] == numerator:
            return ind.ratio_of[1]
    return None


def rate_indicator(catalogue: Catalogue, numerator: str | None, basis: str | None) -> str | None:
    """The percent indicator that is the ratio of `numerator` to something (ratio_of in the data)."""
    if numerator is None:
        return None
    for ind in catalogue.by_dimension("percent"):
        if ind.ratio_of and ind.ratio_of[0] == numerator:
            return ind.code
    return None


def _count_unit_ok(a: str, b: str) -> bool:
    """Folded count units agree: same noun, or one is the other with more words."""
    if not a or not b:
        return False
    return a == b or a.split()[0] == b.split()[0] or a.startswith(b) or b.startswith(a)


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _data_text("abbreviations.tsv", None).splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        short, long = line.split("\t", 1)
        out[fold(short.strip())] = nfc(long.strip())
    return out


def expand_abbreviation(word: str) -> str:
    """ "TH" → "trường hợp", "QĐ" → "quyết định" (from abbreviations.tsv); other words unchanged."""
    return _abbreviations().get(fold(word), word)
