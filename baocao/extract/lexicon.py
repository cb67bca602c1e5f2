"""Units, multipliers and count nouns, loaded from the data files (people edit those, not code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from baocao.text.normalize import nfc


@dataclass(frozen=True)
class UnitWord:
    word: str
    dimension: str
    unit: str
    factor: float


@dataclass(frozen=True)
class Lexicon:
    multipliers: dict[str, float]
    units: dict[str, UnitWord]  # lower-cased word → unit
    count_nouns: frozenset[str]  # lower-case
    implied_nouns: frozenset[str]  # the count nouns a bare number may take from the words before it
    unit_re: re.Pattern[str]  # matches "[multiplier ]unit-or-noun" at a position
    # a count noun printed with a qualifier → the noun it counts ("nam công dân" → "công dân")
    noun_units: dict[str, str] = field(default_factory=dict)

    def noun_unit(self, noun: str) -> str:
        """The unit of a count printed with the (lower-case) count noun `noun`."""
        return self.noun_units.get(noun, noun)

    def lookup(self, word: str) -> UnitWord | None:
        return self.units.get(word.lower()) or self.units.get(word)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first words of all units and count nouns: a unit cannot start with another word."""
        return frozenset(w.split(" ")[0] for w in (*self.units, *self.count_nouns))


def _data_text(name: str, data_dir: Path | None) -> str:
    if data_dir is not None and (data_dir / name).exists():
        return (data_dir / name).read_text(encoding="utf-8")
    return resources.files("baocao.data").joinpath(name).read_text(encoding="utf-8")


NOUN_UNIT = "->"  # count_nouns.txt: "nam công dân -> công dân", printed noun -> the unit it counts in
AFTER_ONLY = "# after-only"  # count_nouns.txt: the nouns below it are read only after a number


@lru_cache(maxsize=4)
def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    spec = yaml.safe_load(_data_text("units.yaml", data_dir))
    multipliers = {nfc(k): float(v) for k, v in spec["multipliers"].items()}
    units: dict[str, UnitWord] = {}
    for item in spec["units"]:
        for word in item["words"]:
            units[nfc(word).lower()] = UnitWord(nfc(word), item["dimension"], item["unit"], float(item["factor"]))
    nouns = set()
    noun_units: dict[str, str] = {}
    after_only = set()
    in_after_only = False
    for line in _data_text("count_nouns.txt", data_dir).splitlines():
        line = nfc(line.strip())
        if line == AFTER_ONLY:
            in_after_only = True
        elif line and not line.startswith("#"):
            printed, _, counted = (part.strip() for part in line.lower().partition(NOUN_UNIT))
            nouns.add(printed)
            if counted:
                noun_units[printed] = counted
            if in_after_only:
                after_only.add(printed)
    words = sorted(set(units) | nouns, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    mult = "|".join(sorted(map(re.escape, multipliers), key=len, reverse=True))
    unit_re = re.compile(
        rf"[ \t]*(?:(?P<mult>{mult})\s+)?(?P<unit>%|{alternation})(?![^\W\d_])",
        re.IGNORECASE,
    )
    return Lexicon(multipliers=multipliers, units=units, count_nouns=frozenset(nouns),
                   implied_nouns=frozenset(nouns - after_only), unit_re=unit_re, noun_units=noun_units)


@lru_cache(maxsize=4)
def load_partitions(data_dir: Path | None = None) -> tuple[tuple[str, ...], ...]:
    """Groups of qualifier words that split a whole into parts (data file partitions.yaml), folded."""
    from baocao.text.normalize import fold

    groups = yaml.safe_load(_data_text("partitions.yaml", data_dir)) or []
    return tuple(tuple(fold(nfc(str(w))) for w in group) for group in groups)
