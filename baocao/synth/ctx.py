"""The state shared by the section writers while one report is composed."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from baocao.synth.compose import Builder, FactSpec, Para
from baocao.synth.rand import rng_for
from baocao.synth.series import Series
from baocao.synth.world import SynthProvince, SynthUnit

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class Ctx:
    def __init__(self, province: SynthProvince, series: Series, unit: SynthUnit, year: int, month: int,
                 seed: int) -> None:
        self.province = province
        self.s = series
        self.unit = unit
        self.u = unit.code
        self.level = unit.level
        self.y = year
        self.m = month
        self.seed = seed
        self.rng: random.Random = rng_for("report", seed, unit.code, year, month)
        self.b = Builder(self.rng)
        self.blocks: list[Para] = []
        self.cutoff = date(year, month, 14)
        # money is printed with a precision that is stable over a unit's year, so that
        # cumulative figures of consecutive reports agree exactly
        style = rng_for("money-style", seed, unit.code, year)
        if unit.level == "province":
            self.money_unit, self.money_dec = "tỷ đồng", 1
        elif unit.level == "district":
            self.money_unit, self.money_dec = "triệu đồng", 0
        else:
            self.money_unit, self.money_dec = "triệu đồng", style.choice((0, 1, 1))
        mult = Decimal(10) ** (9 if self.money_unit == "tỷ đồng" else 6)
        self.mq = mult / Decimal(10) ** self.money_dec
        self.month_style = style.choice(("slash", "words", "slash"))
        self.counters = [0, 0, 0]
        self.outcomes: dict[str, list[str]] = {}
        self.committee = "UBND tỉnh" if unit.level == "province" else f"UBND {unit.kind}"

    # -- blocks --------------------------------------------------------------------------
    def para(self, sector: str = "") -> Para:
        p = Para(kind="body", sector=sector)
        self.blocks.append(p)
        return p

    def heading(self, level: int, title: str, sector: str = "") -> Para:
        self.counters[level - 1] += 1
        for i in range(level, len(self.counters)):
            self.counters[i] = 0
        if level == 1:
            number = ROMAN[self.counters[0] - 1]
        elif level == 2:
            number = str(self.counters[1])
        else:
            number = f"{self.counters[1]}.{self.counters[2]}"
        p = Para(kind="heading", number=number, level=level, sector=sector)
        p.t(title)
        self.blocks.append(p)
        return p

    def unnumbered(self, title: str) -> Para:
        p = Para(kind="heading", number="", level=1)
        p.t(title)
        self.blocks.append(p)
        return p

    # -- periods and dates -----------------------------------------------------------------
    def month_ref(self, p: Para, month: int | None = None, year: int | None = None) -> Para:
        """Print "6/2025" or "6 năm 2025" (after the word "tháng")."""
        m = self.m if month is None else month
        y = self.y if year is None else year
        if self.month_style == "words":
            return p.x(str(m) if m > 2 else f"{m:02d}", "period").t(" năm ").x(str(y), "year")
        return p.x(f"{m}/{y}", "period")

    def date_ref(self, p: Para, day: date, pad: bool | None = None, kind: str = "date") -> Para:
        if pad is None:
            pad = self.b.chance(0.3)
        text = f"{day.day:02d}/{day.month:02d}/{day.year}" if pad else f"{day.day}/{day.month}/{day.year}"
        return p.x(text, kind)

    # -- values ------------------------------------------------------------------------------
    def flow(self, code: str, q: Decimal) -> tuple[Decimal, Decimal]:
        return (self.s.month(self.u, code, self.y, self.m, q),
                self.s.cumulative(self.u, code, self.y, self.m, q))

    def prev_cum(self, code: str, q: Decimal) -> Decimal:
        return self.s.cumulative(self.u, code, self.y, self.m - 1, q) if self.m > 1 else Decimal(0)

    def last_year(self, code: str, q: Decimal) -> tuple[Decimal, Decimal]:
        return (self.s.month(self.u, code, self.y - 1, self.m, q),
                self.s.cumulative(self.u, code, self.y - 1, self.m, q))

    def plan(self, code: str, q: Decimal) -> Decimal:
        return self.s.plan(self.u, code, self.y, q)

    def stock(self, code: str) -> int:
        return int(self.s.month(self.u, code, self.y, self.m, Decimal(1)))

    def count(self, code: str) -> tuple[int, int]:
        month, cum = self.flow(code, Decimal(1))
        return int(month), int(cum)

    def money(self, base: Decimal, indicator: str | None = None, **kw: object) -> FactSpec:
        return self.b.money(base, self.money_unit, self.money_dec, indicator, **kw)

    def add_outcome(self, sector: str, sentence: str) -> None:
        self.outcomes.setdefault(sector, []).append(sentence)

    def emit_outcomes(self, p: Para, *sectors: str) -> None:
        for sector in sectors:
            for sentence in self.outcomes.pop(sector, []):
                p.t(" " + sentence)
