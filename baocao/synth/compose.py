"""Building blocks of a synthetic report: paragraphs made of text, facts and notes.

A report is composed as a list of `Block`s (headings, body paragraphs, task
items, closing lines). Facts are `FactSpec`s that print themselves from an
exact decimal value, so a mistake can change a value after composition and
everything downstream (layout, truth) stays exact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from baocao.synth.numfmt import HUNDRED, change_percent, fmt, percent, quantize

MULT = {
    "đồng": Decimal(1), "đ": Decimal(1), "nghìn đồng": Decimal(10) ** 3,
    "triệu đồng": Decimal(10) ** 6, "tỷ đồng": Decimal(10) ** 9,
    "USD": Decimal(1), "triệu USD": Decimal(10) ** 6,
    "ha": Decimal(10) ** 4, "m2": Decimal(1), "kg": Decimal(1), "tấn": Decimal(10) ** 3,
    "nghìn tấn": Decimal(10) ** 6, "m3": Decimal(1), "nghìn m3": Decimal(10) ** 3,
    "kWh": Decimal(1), "triệu kWh": Decimal(10) ** 6, "km": Decimal(10) ** 3, "m": Decimal(1),
}


@dataclass
class FactSpec:
    id: str
    base: Decimal  # exact value in base units
    mult: Decimal
    decimals: int
    dimension: str
    unit: str
    unit_text: str = ""
    indicator: str | None = None
    scope: str = "period"
    estimate: bool = False
    role: str | None = None
    as_of: str | None = None
    approx: str | None = None
    min_digits: int = 0
    glued: bool = False
    footnote: int | None = None  # filled when rendered

    @property
    def shown(self) -> Decimal:
        return quantize(self.base / self.mult, self.decimals)

    @property
    def raw(self) -> str:
        return fmt(self.base / self.mult, self.decimals, self.min_digits)

    def set_shown(self, value: Decimal) -> None:
        self.base = quantize(value, self.decimals) * self.mult

    def printed(self) -> str:
        if not self.unit_text:
            return self.raw
        return self.raw + ("" if self.glued else " ") + self.unit_text


@dataclass
class NonFactSpec:
    raw: str
    kind: str
    key: str = ""  # groups non-facts that must agree (one document cited twice)


@dataclass
class Para:
    """A body paragraph, footnote text, heading, task item or closing line."""

    kind: str = "body"  # body | heading | task | footnote | header | closing
    parts: list[tuple[str, object]] = field(default_factory=list)
    number: str = ""  # heading or task number as printed (no final dot)
    level: int = 0  # heading level
    sector: str = ""
    wrap: bool = True

    def t(self, text: str) -> Para:
        if text:
            self.parts.append(("t", text))
        return self

    def n(self, fact: FactSpec) -> Para:
        self.parts.append(("f", fact))
        return self

    def x(self, raw: str, kind: str, key: str = "") -> Para:
        self.parts.append(("x", NonFactSpec(raw, kind, key)))
        return self

    def note(self, footnote: Para) -> Para:
        footnote.kind = "footnote"
        self.parts.append(("n", footnote))
        return self

    def facts(self) -> list[FactSpec]:
        return [p for k, p in self.parts if k == "f" and isinstance(p, FactSpec)]

    def notes(self) -> list[Para]:
        return [p for k, p in self.parts if k == "n" and isinstance(p, Para)]


@dataclass
class CheckSpec:
    kind: str  # sum | ratio | change | carry_over | cumulative
    result: FactSpec
    operands: list[FactSpec]
    base: Decimal | None = None
    direction: str | None = None


def evaluate(check: CheckSpec) -> bool:
    """Whether the printed values satisfy the relation (exactly, at printed precision)."""
    r = check.result
    ops = check.operands
    if check.kind in ("sum", "carry_over"):
        return r.base == sum((o.base for o in ops), Decimal(0))
    if check.kind == "cumulative":
        return r.base == (check.base or Decimal(0)) + ops[0].base
    den = ops[1].base if len(ops) > 1 else check.base
    if den is None or den == 0:
        return False
    if check.kind == "ratio":
        return r.shown == percent(ops[0].base, den, r.decimals)
    if check.kind == "change":
        value, direction = change_percent(ops[0].base, den, r.decimals)
        return r.shown == value and (check.direction in (None, direction) or value == 0)
    raise ValueError(check.kind)


def derive(check: CheckSpec) -> None:
    """Recompute the percent of a ratio/change check from its operands."""
    den = check.operands[1].base if len(check.operands) > 1 else check.base
    if den is None or den == 0:
        return
    if check.kind == "ratio":
        check.result.set_shown(percent(check.operands[0].base, den, check.result.decimals))
    elif check.kind == "change":
        value, direction = change_percent(check.operands[0].base, den, check.result.decimals)
        check.result.set_shown(value)
        check.direction = direction


class Builder:
    """Creates facts and checks with fresh ids; shared by the section writers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.checks: list[CheckSpec] = []
        self._next = 0

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def fact(self, base: Decimal, unit_text: str, dimension: str, unit: str, decimals: int = 0,
             indicator: str | None = None, **kw: object) -> FactSpec:
        self._next += 1
        mult = MULT.get(unit_text, Decimal(1)) if dimension not in ("count", "percent") else Decimal(1)
        if dimension == "count" and "mult" in kw:
            mult = kw.pop("mult")  # type: ignore[assignment]
        f = FactSpec(id=f"f{self._next}", base=Decimal(base), mult=mult, decimals=decimals,
                     dimension=dimension, unit=unit, unit_text=unit_text, indicator=indicator)
        for key, value in kw.items():
            setattr(f, key, value)
        return f

    def money(self, base: Decimal, unit_text: str, decimals: int = 0, indicator: str | None = None,
              **kw: object) -> FactSpec:
        unit = "USD" if "USD" in unit_text else "VND"
        return self.fact(base, unit_text, "money", unit, decimals, indicator, **kw)

    def count(self, base: Decimal | int, noun: str, indicator: str | None = None, pad: bool | None = None,
              **kw: object) -> FactSpec:
        value = Decimal(base)
        if pad is None:
            pad = self.chance(0.5)
        f = self.fact(value, noun, "count", noun.lower(), 0, indicator, **kw)
        if pad and value < 10:
            f.min_digits = 2
        return f

    def quantity(self, base: Decimal, unit_text: str, dimension: str, decimals: int = 0,
                 indicator: str | None = None, glued: bool | None = None, **kw: object) -> FactSpec:
        unit = {"area": "m2", "mass": "kg", "volume": "m3", "length": "m", "energy": "kWh"}[dimension]
        f = self.fact(base, unit_text, dimension, unit, decimals, indicator, **kw)
        f.glued = self.chance(0.35) if glued is None else glued
        return f

    def pct(self, value: Decimal, decimals: int, role: str, indicator: str | None = None,
            **kw: object) -> FactSpec:
        f = self.fact(value, "%", "percent", "%", decimals, indicator, role=role, **kw)
        f.glued = True
        return f

    # -- checks -------------------------------------------------------------------------------
    def check_sum(self, total: FactSpec, parts: list[FactSpec]) -> None:
        self.checks.append(CheckSpec("sum", total, list(parts)))

    def check_carry(self, total: FactSpec, carried: FactSpec, new: FactSpec) -> None:
        self.checks.append(CheckSpec("carry_over", total, [carried, new]))

    def check_cumulative(self, cum: FactSpec, month: FactSpec, previous: Decimal) -> None:
        self.checks.append(CheckSpec("cumulative", cum, [month], base=previous))

    def ratio(self, num: FactSpec, den: FactSpec | Decimal, decimals: int, role: str,
              indicator: str | None = None, **kw: object) -> FactSpec:
        """A percent fact num/den (den printed or hidden) and its check."""
        den_value = den.base if isinstance(den, FactSpec) else den
        f = self.pct(percent(num.base, den_value, decimals), decimals, role, indicator, **kw)
        if isinstance(den, FactSpec):
            self.checks.append(CheckSpec("ratio", f, [num, den]))
        else:
            self.checks.append(CheckSpec("ratio", f, [num], base=den))
        return f

    def change(self, current: FactSpec, base: FactSpec | Decimal, decimals: int,
               indicator: str | None = None) -> tuple[FactSpec, str]:
        """A percent change fact against a basis (printed or hidden) and its check."""
        base_value = base.base if isinstance(base, FactSpec) else base
        value, direction = change_percent(current.base, base_value, decimals)
        f = self.pct(value, decimals, "percent_change", indicator)
        if isinstance(base, FactSpec):
            self.checks.append(CheckSpec("change", f, [current, base], direction=direction))
        else:
            self.checks.append(CheckSpec("change", f, [current], base=base_value, direction=direction))
        return f, direction


def split_total(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Integers summing exactly to `total`, roughly proportional to `weights`."""
    if total <= 0:
        return [0] * len(weights)
    s = sum(weights)
    raw = [total * w / s for w in weights]
    parts = [int(r) for r in raw]
    rest = total - sum(parts)
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[:rest]:
        parts[i] += 1
    return parts


def ratio_of(a: Decimal, b: Decimal) -> Decimal:
    return a / b * HUNDRED if b else Decimal(0)
