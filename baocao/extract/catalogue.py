"""The indicator catalogue (data file `baocao/data/indicators.yaml`) and finding its phrases in
texts; scoring them around a fact is `mapping`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

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


def _last_figure_end(norm: str) -> int:
    """Where the last figure of a normalised text ends (its last digit's word), 0 when none."""
    last = max(map(norm.rfind, "0123456789"))
    return norm.find(" ", last) if last >= 0 else 0


# A phrase's length (its specificity) counts only up to _LENGTH_CAP: a long phrase of an earlier
# clause ("tổng thu ngân sách nhà nước … đạt X, trong đó: thu nội địa đạt Y") must not outweigh
# the short phrase right before the number.
_LENGTH_CAP = 14


def _size(phrase: str) -> float:
    """How specific a (normalised) phrase is: its length, counted only a tenth beyond _LENGTH_CAP."""
    n = len(phrase)
    return n if n <= _LENGTH_CAP else _LENGTH_CAP + (n - _LENGTH_CAP) / 10


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
