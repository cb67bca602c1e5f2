"""The indicator catalogue (data file `baocao/data/indicators.yaml`) and mapping facts to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from baocao.extract.composition import composed, interrupted, inverted
from baocao.extract.lexicon import _data_text
from baocao.extract.phrases import PhraseKey, PhraseMatcher, normalise
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
    amount_of: str = ""  # the count it is the amount (money, mass…) of (see indicators.yaml)
    change_of: str = ""  # for a percent printed as a change: against which basis (see indicators.yaml)
    bare: bool = False  # a bare count of its unit measures it (see indicators.yaml)
    share_of: str = ""  # a percent: the share the count of this code makes of its whole (see indicators.yaml)


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple[Indicator, ...]
    _dims: dict[str, tuple[Indicator, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _codes: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _sizes: dict[str, float] = field(default_factory=dict, compare=False, hash=False, repr=False)  # phrase → _size
    _extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # per document (see forget): raw text → (normalised text, phrases found), normalised text →
    # phrases found; unit → folded unit
    _found: dict[str, tuple[str, dict[PhraseKey, int]]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _found_norm: dict[str, dict[PhraseKey, int]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _units: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    heads: tuple[str, ...] = ()  # normalised measure heads (units.yaml `measure_heads`)
    event_nouns: frozenset[str] = frozenset()  # folded nouns that count events (units.yaml `event_nouns`)
    # (generic person nouns, all person nouns), folded (units.yaml `persons`)
    persons: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    # phrases found only where the text spells them so (exact_words.txt): key → spellings, lower case
    exact: dict[PhraseKey, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        for dim in {i.dimension for i in self.indicators}:
            self._dims[dim] = tuple(i for i in self.indicators if i.dimension == dim)
            self._codes[dim] = frozenset(i.code for i in self._dims[dim])
        self._sizes.update((p, _size(p)) for i in self.indicators for p in i.phrases)

    def by_dimension(self, dimension: str) -> tuple[Indicator, ...]:
        return self._dims.get(dimension, ())

    def codes_of(self, dimension: str) -> frozenset[str]:
        return self._codes.get(dimension, frozenset())

    def forget(self) -> None:
        """Drop the caches of phrases and units (they only pay within one document)."""
        self._found.clear()
        self._found_norm.clear()
        self._units.clear()

    def find(self, text: str) -> tuple[int, dict[PhraseKey, int]]:
        """Catalogue phrases in a raw text: (length of its normalised form, (code, phrase) → end).

        Cached within one document (titles and sentences repeat); `forget` drops the cache.
        """
        hit = self._find_norm(text)
        return len(hit[0]), hit[1]

    def find_clauses(self, text: str) -> tuple[int, dict[PhraseKey, int], int, int]:
        """`find`, where the last clause of the text begins in its normalised form (after the
        last ";", "trong đó" or "gồm"; 0 when the text is one clause) and where its last figure
        ends (0 when it has none)."""
        norm, found = self._find_norm(text)
        clause = max(norm.rfind(" ; "), norm.rfind(" trong do "), norm.rfind(" gom "))
        return len(norm), found, clause + 1, _last_figure_end(norm)

    def _find_norm(self, text: str) -> tuple[str, dict[PhraseKey, int]]:
        """The normalised text and the phrases found in it (cached)."""
        hit = self._found.get(text)
        if hit is None:
            if len(self._found) > 20000:
                self._found.clear()
                self._found_norm.clear()
            norm = normalise(text)
            found = self._found_norm.get(norm)
            if found is None:
                found = self._found_norm[norm] = self.matcher().find(norm)
            if self.exact and any(key in self.exact for key in found):
                spelt = " ".join(text.lower().split())  # "diện tích sàn" is no "diện tích sắn"
                found = {key: end for key, end in found.items()
                         if key not in self.exact or any(s in spelt for s in self.exact[key])}
            hit = self._found[text] = (norm, found)
        return hit

    def folded_unit(self, unit: str) -> str:
        """The unit with its abbreviation expanded, folded (cached within one document)."""
        folded = self._units.get(unit)
        if folded is None:
            folded = self._units[unit] = fold(expand_abbreviation(unit))
        return folded

    def matcher(self) -> PhraseMatcher:
        """All the catalogue's normalised phrases, to find at once."""
        if "matcher" not in self._extra:
            self._extra["matcher"] = PhraseMatcher((i.code, p) for i in self.indicators for p in i.phrases)
        return self._extra["matcher"]  # type: ignore[return-value]

    def order(self) -> dict[str, tuple[int, str]]:
        """Every code's place in the catalogue (ties go to the first) and its folded unit."""
        if "order" not in self._extra:
            self._extra["order"] = {ind.code: (i, ind.unit_folded) for i, ind in enumerate(self.indicators)}
        return self._extra["order"]  # type: ignore[return-value]

    def candidates(self, dimension: str) -> tuple[Indicator, ...]:
        """Indicators a fact of this dimension can measure."""
        return self.by_dimension(dimension)

    def amount_indicator(self, count_code: str, dimension: str = "money") -> str | None:
        """The indicator of `dimension` that is the amount of the count `count_code` (amount_of)."""
        if "amounts" not in self._extra:
            self._extra["amounts"] = {(i.amount_of, i.dimension): i.code for i in self.indicators if i.amount_of}
        return self._extra["amounts"].get((count_code, dimension))  # type: ignore[attr-defined, no-any-return]

    def basis_indicator(self, reached: str, basis: str) -> str | None:
        """The indicator of the `basis` ("plan", "estimate_province", …) that `reached` is measured
        against: a denominator of one of its rates (ratio_of) named for the basis, or the sibling
        code named so ("budget.revenue.total" against "estimate_local": "budget.revenue.estimate_local")."""
        for ind in self.by_dimension("percent"):
            if ind.ratio_of and ind.ratio_of[0] == reached and ind.ratio_of[1].endswith(basis):
                return ind.ratio_of[1]
        sibling = f"{reached.rsplit('.', 1)[0]}.{basis}"
        if sibling in self.order():
            return sibling
        # a bare "dự toán": the one assigned from above
        return self.basis_indicator(reached, "estimate_province") if basis == "estimate" else None

    def share_indicator(self, part: str) -> str | None:
        """The percent indicator that is the share the count `part` makes of its whole (share_of):
        "còn 87 hộ nghèo, chiếm 1,62%" is the poverty rate."""
        if "shares" not in self._extra:
            self._extra["shares"] = {i.share_of: i.code for i in self.by_dimension("percent") if i.share_of}
        return self._extra["shares"].get(part)  # type: ignore[attr-defined, no-any-return]

    def plan_rate_indicator(self, ctx: Context, basis: str | None) -> str | None:
        """ "giải ngân vốn đầu tư công mới đạt 51,9% kế hoạch", "giao quân đạt 100% chỉ tiêu": a
        percent of a plan printed with no figure of what was reached is the rate (ratio_of) of what
        its words name, when that rate is one against a plan, target or estimate."""
        if "plan_rates" not in self._extra:
            self._extra["plan_rates"] = frozenset(
                i.ratio_of[0] for i in self.by_dimension("percent")
                if i.ratio_of and any(w in i.ratio_of[1].rsplit(".", 1)[-1] for w in ("plan", "target", "estimate")))
        return self._rate_named(ctx, self._extra["plan_rates"], basis)  # type: ignore[arg-type]

    def reached_rate_indicator(self, ctx: Context) -> str | None:
        """ "giải ngân vốn đầu tư công mới đạt 63,7%": a percent reached, printed with no basis and
        no figure of what was reached, is the rate (ratio_of) of what its own sentence names."""
        if "rates" not in self._extra:
            self._extra["rates"] = frozenset(i.ratio_of[0] for i in self.by_dimension("percent") if i.ratio_of)
        return self._rate_named(ctx, self._extra["rates"], None)  # type: ignore[arg-type]

    def named_in_sentence(self, ctx: Context, code: str) -> bool:
        """Whether the words of the fact's own sentence name `code`."""
        return _scores(self, frozenset((code,)), ctx._replace(previous="", section="")).get(code, 0.0) >= _MIN_SCORE

    def _rate_named(self, ctx: Context, numerators: frozenset[str], basis: str | None) -> str | None:
        own = ctx._replace(previous="", section="")  # the words of its own sentence only
        score, reached = max(((s, c) for c, s in _scores(self, numerators, own).items()), default=(0.0, None))
        return rate_indicator(self, reached, basis) if score >= _MIN_SCORE else None

    def bare_code(self, unit: str) -> str | None:
        """The indicator a bare count of `unit` measures (bare), if one is marked."""
        if "bare" not in self._extra:
            self._extra["bare"] = {i.unit_folded: i.code for i in self.by_dimension("count") if i.bare}
        return self._extra["bare"].get(self.folded_unit(unit))  # type: ignore[attr-defined, no-any-return]

    def change_codes(self, basis: str | None) -> frozenset[str]:
        """The percent indicators printed as a change against `basis` (change_of)."""
        if "changes" not in self._extra:
            by_basis: dict[str, set[str]] = {}
            for i in self.by_dimension("percent"):
                if i.change_of:
                    by_basis.setdefault(i.change_of, set()).add(i.code)
            self._extra["changes"] = {k: frozenset(v) for k, v in by_basis.items()}
        return self._extra["changes"].get(basis or "", frozenset())  # type: ignore[attr-defined, no-any-return]

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
                phrases=_phrase_forms(phrases + names),
                phrases_raw=phrases,
                unit_folded=fold(str(item["unit"])),
                amount_of=item.get("amount_of") or "",
                change_of=item.get("change_of") or "",
                bare=bool(item.get("bare", False)),
                share_of=item.get("share_of") or "",
            )
        )
    units = yaml.safe_load(_data_text("units.yaml", data_dir)) or {}
    spec = units.get("persons") or {}
    generic = frozenset(fold(nfc(w)) for w in spec.get("generic", ()))
    return Catalogue(tuple(out), persons=(generic, generic | {fold(nfc(w)) for w in spec.get("nouns", ())}),
                     heads=tuple(normalise(nfc(h)) for h in units.get("measure_heads") or ()),
                     event_nouns=frozenset(normalise(nfc(w)).strip() for w in units.get("event_nouns") or ()),
                     exact=_exact_phrases(out, _data_text("exact_words.txt", data_dir)))


def _exact_phrases(indicators: list[Indicator], words_text: str) -> dict[PhraseKey, tuple[str, ...]]:
    """The phrases holding a word of exact_words.txt: (code, normalised phrase) → its spellings."""
    words = {nfc(line).strip().lower() for line in words_text.splitlines() if line.strip() and not line.startswith("#")}
    exact: dict[PhraseKey, tuple[str, ...]] = {}
    for ind in indicators:
        for phrase in (*ind.phrases_raw, ind.name):
            spelt = " ".join(phrase.lower().split())
            if words.intersection(spelt.split()):
                key = (ind.code, normalise(phrase))
                if spelt not in exact.get(key, ()):
                    exact[key] = (*exact.get(key, ()), spelt)
    return exact


def _phrase_forms(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The normalised phrases; one with a comma ("thu, chi ngân sách") also without it, as texts
    write such lists both ways."""
    out: dict[str, None] = {}
    for phrase in phrases:
        norm = normalise(phrase)
        out[norm] = None
        if " , " in norm:
            out[" " + " ".join(w for w in norm.split() if w != ",") + " "] = None
    return tuple(out)


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


class Context(NamedTuple):
    """The words around a fact that say what it measures."""

    before: str  # the sentence up to the number (clause words nearest)
    after: str  # the noun phrase right after the number ("văn bản đi", "hồ sơ quá hạn")
    section: str  # the title of the section holding it
    previous: str = ""  # the sentence before, when the fact's own sentence names nothing
    elided: str = ""  # the item of an enumeration with its head put back (context.elided_head)
    elided_item: str = ""  # the item alone: a phrase found in `elided` counts when it is longer
    over: str = ""  # a numerator's noun phrase after its denominator ("64/64 công trình xây dựng")
    recipients: bool = False  # "tặng quà cho 9 hộ nghèo": the noun after the number says who received
    lead: str = ""  # the last words before the number: a phrase may run from them into `after`
    noun: str = ""  # a count's noun as printed


def can_map(catalogue: Catalogue, dimension: str, role: str | None, basis: str | None = None) -> bool:
    """Whether a fact of this dimension and role can measure an indicator at all: a percent of
    plan measures none of its own; a percent change only an indicator printed as a change
    against its `basis` (change_of)."""
    if role == "percent_change":
        return dimension == "percent" and bool(catalogue.change_codes(basis))
    return not ((dimension == "percent" and role not in _RATE_ROLES) or role in ("change", "basis_value"))


def map_indicator(catalogue: Catalogue, dimension: str, unit: str, role: str | None, ctx: Context,
                  basis: str | None = None) -> tuple[str | None, float]:
    """The catalogue indicator a fact measures by its words, with a confidence in [0, 1].

    A phrase right after the number (the count noun phrase) is the strongest clue; a phrase
    before it counts less the farther it stands; the section title counts least.
    """
    if not can_map(catalogue, dimension, role, basis):
        return None, 0.0
    allowed = catalogue.change_codes(basis) if role == "percent_change" else catalogue.codes_of(dimension)
    if role == "percent_change":
        # "IIP tăng 6,05%, trong đó: công nghiệp khai khoáng tăng 14,56%": a part's change is not the whole's
        cut = ctx.before.lower().rfind("trong đó")
        if cut >= 0:
            ctx = ctx._replace(before=ctx.before[cut:], previous="", section="")
    scores = _scores(catalogue, allowed, ctx)
    best = _best(catalogue, scores, dimension, unit)
    if ctx.over and best[1] is not None:
        best = _tie_by_whole(catalogue, scores, best, allowed, ctx, dimension, unit)
    if (best[1] is None or best[0] < _MIN_SCORE) and ctx.over:
        # the words before a numerator name a part ("kết thúc 301/306 cuộc thanh tra"); only
        # when they name nothing is it the set after the denominator
        best = _best(catalogue, _scores(catalogue, allowed, ctx._replace(after=ctx.over)), dimension, unit)
    if (best[1] is None or best[0] < _MIN_SCORE) and dimension == "count" and role is None:
        bare = catalogue.bare_code(unit)  # "toàn xã có 06 trường": what a bare count of its noun is
        if bare is not None and bare in allowed:
            best = (_MIN_SCORE, bare)
    if best[1] is None or best[0] < _MIN_SCORE:
        return None, 0.0
    code = best[1]
    if role == "denominator":
        # "đã giải quyết 09/15 đơn": the words name the numerator; the denominator is what the
        # numerator's rate is a rate of (ratio_of in the data).
        base = base_of(catalogue, code)
        if base is None:
            # no rate links them: the whole is only what the words after it name ("kết thúc
            # 301/306 cuộc thanh tra" — 306 inspections carried out), if anything
            own = ctx._replace(before="", previous="", section="", elided="")
            best = _best(catalogue, _scores(catalogue, allowed, own), dimension, unit)
            if best[1] is None or best[0] < _MIN_SCORE:
                return None, 0.0
            base = best[1]
        code = base
    return code, round(min(1.0, 0.35 + best[0] / 50), 2)


def _scores(catalogue: Catalogue, allowed: frozenset[str], ctx: Context) -> dict[str, float]:
    """The best positive score of every indicator of `dimension` named around a fact.

    A phrase counts once, where it weighs most: after the number, before it (less the
    farther it stands), in the sentence before, in the section title.
    """
    size = catalogue._sizes
    before_len, found_before, clause_at, figure_at = catalogue.find_clauses(ctx.before)
    found_after = catalogue.find(ctx.after)[1]
    found_previous = catalogue.find(ctx.previous)[1]
    found_section = catalogue.find(ctx.section)[1]
    scores: dict[str, float] = {}

    def keep(code: str, score: float) -> None:
        if code in allowed and score > scores.get(code, 0.0):
            scores[code] = score

    for code, phrase in found_after:
        # the recipients of what the words before name weigh like a phrase before the number
        keep(code, size[phrase] if ctx.recipients else size[phrase] * 1.2 + 20)
    # "tổng đàn trâu 312 con, đàn bò 1.146 con": a phrase before an earlier figure is that
    # figure's when a phrase stands between the two
    own_item = figure_at > 0 and any(end - len(phrase) >= figure_at and code in allowed
                                     for (code, phrase), end in found_before.items())
    for (code, phrase), end in found_before.items():
        if (code, phrase) not in found_after:
            if end <= clause_at or (own_item and end <= figure_at):  # in an earlier clause ("…khách quốc tế 8.650 lượt; 10 tháng đón …")
                keep(code, size[phrase] * 0.6)
                continue
            distance = before_len - end
            keep(code, size[phrase] + 10 - min(distance / _DISTANCE_STEP, _DISTANCE_MAX))
    if ctx.lead and not ctx.recipients:
        for code, phrase in interrupted(catalogue, ctx.lead, ctx.after):
            keep(code, size[phrase] * 1.2 + 20)  # as strong as a phrase after the number
        for code, phrase in inverted(catalogue, ctx.lead, ctx.noun):
            keep(code, size[phrase] + 10)
    named = any(score >= _MIN_SCORE for score in scores.values())
    for code, phrase in composed(catalogue, ctx.before, named, allowed):
        keep(code, size[phrase] + 10)  # as if right before the number
    if ctx.elided:
        elided_len, found_elided = catalogue.find(ctx.elided)
        item_len = len(normalise(ctx.elided_item))
        for key, end in found_elided.items():
            if end == elided_len and len(key[1]) > item_len + 1:
                keep(key[0], size[key[1]] + 10)  # as if right before the number
    for key in found_previous:
        if key not in found_after and key not in found_before:
            keep(key[0], size[key[1]] * 0.6)
    for key in found_section:
        if key not in found_after and key not in found_before and key not in found_previous:
            keep(key[0], size[key[1]] * 0.4)
    return scores


def _tie_by_whole(catalogue: Catalogue, scores: dict[str, float], best: tuple[float, str | None],
                  allowed: frozenset[str], ctx: Context, dimension: str, unit: str) -> tuple[float, str | None]:
    """ "đã giải quyết 412/468 vụ việc khiếu nại": when the numerator's words name indicators of
    several sectors alike, the one of the sector its denominator's words name."""
    tied = [code for code, score in scores.items() if score == scores.get(best[1] or "")]
    if len(tied) < 2:
        return best
    whole = _best(catalogue, _scores(catalogue, allowed, Context(before="", after=ctx.over, section="")), dimension, unit)[1]
    same = [code for code in tied if whole and code.rsplit(".", 1)[0] == whole.rsplit(".", 1)[0]]
    return (best[0], same[0]) if len(same) == 1 else best


def _best(catalogue: Catalogue, scores: dict[str, float], dimension: str, unit: str) -> tuple[float, str | None]:
    """The highest score, after the unit penalty for counts; the catalogue order breaks ties."""
    best: tuple[float, str | None] = (0.0, None)
    if not scores:
        return best
    order = catalogue.order()
    unit_f = catalogue.folded_unit(unit) if dimension == "count" else ""
    best_at = len(order)
    for code, score in scores.items():
        at, unit_folded = order[code]
        if dimension == "count" and not _count_unit_ok(unit_folded, unit_f, catalogue.persons):
            score -= _UNIT_PENALTY
        if score > best[0] or (score == best[0] and best[1] is not None and at < best_at):
            best, best_at = (score, code), at
    return best


def _last_figure_end(norm: str) -> int:
    """Where the last figure of a normalised text ends (its last digit's word), 0 when none."""
    last = max(map(norm.rfind, "0123456789"))
    return norm.find(" ", last) if last >= 0 else 0


def _size(phrase: str) -> float:
    """How specific a (normalised) phrase is: its length, counted only a tenth beyond _LENGTH_CAP."""
    n = len(phrase)
    return n if n <= _LENGTH_CAP else _LENGTH_CAP + (n - _LENGTH_CAP) / 10


def base_of(catalogue: Catalogue, numerator: str) -> str | None:
    """The denominator of the rate whose numerator is `numerator` (ratio_of in the data)."""
    for ind in catalogue.by_dimension("percent"):
        if ind.ratio_of and ind.ratio_of[0] == numerator:
            return ind.ratio_of[1]
    return None


def rate_indicator(catalogue: Catalogue, numerator: str | None, basis: str | None) -> str | None:
    """The percent indicator that is the ratio of `numerator` to something (ratio_of in the data).
    With a `basis` that names an estimate ("estimate_local": "dự toán HĐND giao"), only a rate
    against that estimate: "đạt 95% dự toán HĐND giao" is not the rate against the province's."""
    if numerator is None:
        return None
    rates = [ind for ind in catalogue.by_dimension("percent") if ind.ratio_of and ind.ratio_of[0] == numerator]
    if basis and basis.startswith("estimate_") and any("estimate" in ind.ratio_of[1] for ind in rates):
        rates = [ind for ind in rates if ind.ratio_of[1].endswith(basis)]
    return rates[0].code if rates else None


def _count_unit_ok(a: str, b: str, persons: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Folded count units agree: same noun, or one is the other with more words, or a generic
    person noun and a noun of persons (`persons`: the folded generic nouns and all person nouns)."""
    if not a or not b:
        return False
    # "lượt con" counts "con" in turns: a unit that ends with the other's words agrees too
    return (a == b or a.split()[0] == b.split()[0] or a.startswith(b) or b.startswith(a)
            or a.endswith(" " + b) or b.endswith(" " + a)
            or (a in persons[1] and b in persons[0]) or (b in persons[1] and a in persons[0]))


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
