"""A fact under construction while its relations are decided (shared by the relation steps)."""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.extract.model import Fact, Relation, replace_fact
from baocao.text.normalize import fold


@dataclass
class Draft:
    """A fact under construction (relations and role are still being decided)."""

    fact: Fact
    sentence: tuple[int, int]
    relations: list[Relation] = field(default_factory=list)
    role: str | None = None

    def freeze(self) -> Fact:
        return replace_fact(self.fact, relations=tuple(self.relations), role=self.role or self.fact.role)


def unit_compatible(total: str, part: str) -> bool:
    if total == part:
        return True
    a, b = fold(total), fold(part)
    return a.startswith(b) or b.startswith(a) or b in [x.strip() for x in a.split(",")]
