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

    def __post_init__(self) -> None:
        for dim in {i.dimension for i in self.indicators}:
            self._dims[dim] = tuple(i for i in self.indicators if i.dimension == dim)

    def by_dimension(self, dimension: str) -> tuple[Indicator, ...]:
        return self._dims.get(dimension, ())

    def candidates(self, dimension: str, unit_folded: str) -> tuple[Indicator, ...]:
        """Indicators a fact of this dimension (and count noun) can measure."""
        if dimension != "count":
            return self.by_dimension(dimension)
        key = f"count:{unit_folded}"
        found = self._dims.get(key)
        if found is None:
            found = tuple(i for i in self.by_dimension("count") if _count_unit_ok(i.unit_folded, unit_folded))
            self._dims[key] = found
        return found

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


def map_indicator(catalogue: Catalogue, dimension: str, unit: str, role: str | None, clause: str,
                  unit_phrase: str, section: str) -> tuple[str | None, float]:
    """The catalogue indicator a fact measures, with a confidence in [0, 1]."""
    if dimension == "percent" and role not in _RATE_ROLES:
        return None, 0.0
    if role in ("change", "basis_value"):
        return None, 0.0
    near = _norm(clause + " " + unit_phrase)
    wide = _norm(section)
    best: tuple[float, str | None] = (0.0, None)
    for ind in catalogue.candidates(dimension, fold(unit)):
        score = 0.0
        for phrase in ind.phrases:
            if phrase in near:
                score = max(score, len(phrase) + 10 + near.rfind(phrase) / 1000)
            elif phrase in wide:
                score = max(score, len(phrase) * 0.4)
        if score > best[0]:
            best = (score, ind.code)
    if best[1] is None or best[0] < 8:
        return None, 0.0
    return best[1], round(min(1.0, 0.35 + best[0] / 50), 2)


def _count_unit_ok(a: str, b: str) -> bool:
    """Folded count units agree: same noun, or one is the other with more words."""
    if not a or not b:
        return False
    return a == b or a.split()[0] == b.split()[0] or a.startswith(b) or b.startswith(a)
