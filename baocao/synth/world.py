"""A synthetic province: units before and after the 2025 reform, and their lineage.

The territory is made of *cells* (the finest pieces of land); every unit is a
set of cells, so any figure of any unit at any month is the sum over its
cells, and a unit created by a merger has a "same period last year" value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from baocao.synth.names import person_name, place_name, province_name
from baocao.synth.rand import rng_for

REFORM_DATE = date(2025, 7, 1)
LAST_OLD_DAY = date(2025, 6, 30)

_FREE_CODES = ("03", "05", "07", "09", "13", "16", "18", "21", "23", "28", "29", "32",
               "39", "41", "43", "47", "50", "53", "55", "57", "59", "61", "63", "65",
               "69", "71", "73", "76", "78", "81", "85", "88", "90", "97", "98", "99")


@dataclass(frozen=True)
class SynthUnit:
    code: str
    name: str  # without the kind: "Tam Thanh"
    kind: str  # "tỉnh", "thành phố", "huyện", "thị xã", "phường", "xã", "thị trấn"
    level: str  # "province" | "district" | "commune"
    parent_code: str | None
    valid_from: date | None
    valid_to: date | None
    chair: str = ""  # name of the committee chair
    deputy: str = ""  # name of a vice-chair

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class LineageLink:
    unit_code: str  # the new unit
    predecessor_code: str
    share: float  # fraction of the predecessor that went into the new unit
    kind: str  # "continue" | "merge" | "split"
    date: date


@dataclass(frozen=True)
class Cell:
    code: str
    population: int
    old_unit: str  # commune before the reform
    new_unit: str  # commune after the reform
    district: str | None  # district before the reform (None without district level)


@dataclass(frozen=True)
class SynthProvince:
    code: str
    name: str
    kind: str
    units: tuple[SynthUnit, ...]
    lineage: tuple[LineageLink, ...]
    cells: tuple[Cell, ...]
    seed: int
    _index: dict[str, SynthUnit] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({u.code: u for u in self.units})

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def population(self) -> int:
        return sum(c.population for c in self.cells)

    def unit(self, code: str) -> SynthUnit:
        return self._index[code]

    def units_on(self, day: date, level: str | None = None) -> list[SynthUnit]:
        return [u for u in self.units if u.valid_on(day) and (level is None or u.level == level)]

    def cells_of(self, code: str) -> tuple[Cell, ...]:
        unit = self._index[code]
        if unit.level == "province":
            return self.cells
        if unit.level == "district":
            return tuple(c for c in self.cells if c.district == code)
        return tuple(c for c in self.cells if code in (c.old_unit, c.new_unit))

    def predecessors(self, code: str) -> list[LineageLink]:
        return [link for link in self.lineage if link.unit_code == code]


def make_province(n_communes: int, seed: int, districts: bool = True) -> SynthProvince:
    """A province with `n_communes` commune-level units after 2025-07-01.

    Before the reform it has more communes (some merged on 2025-07-01, one
    split between two new units) and, with `districts`, a district level
    whose first district is the provincial city ("thành phố <name>").
    """
    if n_communes < 3:
        raise ValueError("n_communes must be at least 3")
    rng = rng_for("province", seed)
    pname = province_name(rng)
    pcode = rng.choice(_FREE_CODES)
    taken: set[str] = {pname}
    n_merged_away = max(2, n_communes // 4)
    n_old = n_communes + n_merged_away

    # districts before the reform
    n_districts = max(2, round(n_old / 12)) if districts else 0
    dist_units: list[SynthUnit] = []
    for i in range(n_districts):
        kind = "thành phố" if i == 0 else ("thị xã" if i == n_districts - 1 and n_districts > 3 else "huyện")
        name = pname if i == 0 else place_name(rng, taken)
        dist_units.append(SynthUnit(
            code=f"{int(pcode) * 10 + i:03d}", name=name, kind=kind, level="district",
            parent_code=pcode, valid_from=None, valid_to=LAST_OLD_DAY,
            chair=person_name(rng), deputy=person_name(rng)))

    # old communes; the first ones belong to the provincial city and are wards
    old_units: list[SynthUnit] = []
    old_pop: dict[str, int] = {}
    for k in range(n_old):
        dist = dist_units[k % n_districts] if districts else None
        urban = (dist is not None and (dist.kind in ("thành phố", "thị xã"))) or (not districts and k < 4)
        if dist is not None and dist.kind == "huyện" and k // n_districts == 0:
            kind = "thị trấn"
        else:
            kind = "phường" if urban else "xã"
        code = f"{int(pcode) * 1000 + k + 1:05d}"
        old_units.append(SynthUnit(
            code=code, name=place_name(rng, taken), kind=kind, level="commune",
            parent_code=dist.code if dist else pcode, valid_from=None, valid_to=LAST_OLD_DAY,
            chair=person_name(rng), deputy=person_name(rng)))
        old_pop[code] = rng.randint(6000, 16000) if kind == "phường" else rng.randint(2500, 9000)

    # group old communes into new ones: the first group merges two wards
    groups: list[list[SynthUnit]] = [[u] for u in old_units]
    first_urban = [u for u in old_units if u.kind == "phường"][:2] or old_units[:2]
    merged = [first_urban]
    rest = [g for g in groups if g[0] not in first_urban]
    extra = n_merged_away - (len(first_urban) - 1)
    while extra > 0:
        # merge a random group into a random other group of the same district
        i = rng.randrange(len(rest))
        g = rest.pop(i)
        same = [h for h in rest if h[0].parent_code == g[0].parent_code] or rest
        target = rng.choice(same)
        target.extend(g)
        extra -= 1
    groups = merged + rest

    new_units: list[SynthUnit] = []
    lineage: list[LineageLink] = []
    cells: list[Cell] = []
    split_source = next(g[0] for g in groups[1:] if len(g) == 1)
    split_target_index = next(i for i, g in enumerate(groups[1:], start=1)
                              if g[0] is not split_source and g[0].parent_code == split_source.parent_code
                              ) if any(g[0] is not split_source and g[0].parent_code == split_source.parent_code
                                       for g in groups[1:]) else 0
    for k, group in enumerate(groups):
        code = f"{int(pcode) * 1000 + 500 + k + 1:05d}"
        keep = group[0]
        if len(group) > 1 and k > 0 and rng.random() < 0.4:
            name = place_name(rng, taken)  # a merger under a new name
        else:
            name = keep.name
        urban = any(u.kind in ("phường", "thị trấn") for u in group) and (
            any(u.kind == "phường" for u in group) or rng.random() < 0.5)
        new_units.append(SynthUnit(
            code=code, name=name, kind="phường" if urban else "xã", level="commune",
            parent_code=pcode, valid_from=REFORM_DATE, valid_to=None,
            chair=person_name(rng) if k else keep.chair, deputy=person_name(rng)))
        for u in group:
            if u is split_source:
                continue
            lineage.append(LineageLink(code, u.code, 1.0, "merge" if len(group) > 1 else "continue",
                                       REFORM_DATE))
            cells.append(Cell(f"{u.code}-1", old_pop[u.code], u.code, code,
                              u.parent_code if districts else None))
    # the split: 70 % stays with its own new unit, 30 % joins a neighbour
    own = next(n for n, g in zip(new_units, groups, strict=False) if g[0] is split_source)
    other = new_units[split_target_index]
    pop = old_pop[split_source.code]
    part = round(pop * 0.7)
    district = split_source.parent_code if districts else None
    cells.append(Cell(f"{split_source.code}-1", part, split_source.code, own.code, district))
    cells.append(Cell(f"{split_source.code}-2", pop - part, split_source.code, other.code, district))
    lineage.append(LineageLink(own.code, split_source.code, 0.7, "split", REFORM_DATE))
    lineage.append(LineageLink(other.code, split_source.code, 0.3, "split", REFORM_DATE))

    province = SynthUnit(code=pcode, name=pname, kind="tỉnh", level="province", parent_code=None,
                         valid_from=None, valid_to=None, chair=person_name(rng), deputy=person_name(rng))
    units = (province, *dist_units, *old_units, *new_units)
    lineage.sort(key=lambda link: (link.unit_code, link.predecessor_code))
    cells.sort(key=lambda c: c.code)
    return SynthProvince(code=pcode, name=pname, kind="tỉnh", units=units, lineage=tuple(lineage),
                         cells=tuple(cells), seed=seed)
