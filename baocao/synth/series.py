"""Monthly values of indicators per unit: trend, seasonality, noise.

Territorial indicators are drawn per cell (counts as Poisson integers, other
quantities as floats) and summed over a unit's cells, so merged units and
the province have consistent figures. Administrative indicators of a
committee itself ("own") are drawn per unit. Printed values are quantised
with the trick "quantise the cumulative, then difference", which keeps
`cumulative(t) = cumulative(t-1) + month(t)` exact at printed precision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from baocao.synth.rand import gauss, poisson, uniform
from baocao.synth.world import SynthProvince

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

SEASONS: dict[str, tuple[float, ...]] = {
    "flat": (1,) * 12,
    "tet": (1.05, 0.7, 1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 1.1),
    "yearend": (0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.9, 1.0, 1.1, 1.3, 1.6, 2.4),
    "crop": (0.2, 2.4, 2.4, 0.8, 0.4, 1.2, 1.8, 1.6, 0.6, 0.3, 0.2, 0.1),
    "vaccine": (0.5, 0.8, 2.0, 2.0, 0.8, 0.5, 0.5, 0.6, 1.5, 2.0, 0.6, 0.2),
    "tourism": (1.6, 1.8, 1.2, 1.0, 1.0, 0.9, 1.0, 1.0, 0.9, 0.9, 0.8, 0.9),
    "dry": (2.0, 3.0, 3.0, 1.5, 0.5, 0.1, 0.1, 0.1, 0.3, 0.8, 1.5, 2.0),
    "asf": (0.6, 0.6, 0.8, 1.0, 1.2, 1.5, 1.8, 2.0, 1.2, 0.6, 0.4, 0.3),
    "afforest": (0.2, 1.0, 2.0, 2.0, 1.5, 1.5, 1.5, 1.2, 0.6, 0.3, 0.1, 0.1),
    "gifts": (4.0, 4.0, 0.2, 0.2, 0.2, 0.5, 3.0, 0.5, 0.5, 0.5, 0.5, 1.5),
    "trade": (1.1, 0.8, 0.95, 1.0, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 1.1),
}


@dataclass(frozen=True)
class Spec:
    code: str
    source: str  # "cell" (per 10 000 inhabitants) or "own" (per unit, by level)
    kind: str  # "flow" or "stock"
    base: float  # per 10 000 inhabitants per month (cell) or per commune-level unit (own)
    season: str = "flat"
    trend: float = 0.05  # yearly growth
    noise: float = 0.12
    province_factor: float = 0.0  # own: multiple of `base` at province level (0: not reported)


def _s(code: str, source: str, kind: str, base: float, season: str = "flat", trend: float = 0.05,
       noise: float = 0.12, pf: float = 0.0) -> Spec:
    return Spec(code, source, kind, base, season, trend, noise, pf)


SPECS: dict[str, Spec] = {s.code: s for s in (
    _s("docs.incoming", "own", "flow", 260, "tet", 0.04, 0.1, 35.0),
    _s("docs.outgoing", "own", "flow", 110, "tet", 0.04, 0.1, 30.0),
    _s("docs.incoming_secret", "own", "flow", 9, "flat", 0.0, 0.3, 40.0),
    _s("docs.outgoing_secret", "own", "flow", 3, "flat", 0.0, 0.4, 40.0),
    _s("budget.revenue.domestic", "cell", "flow", 5.0e8, "tet", 0.08, 0.2),
    _s("budget.revenue.import_export", "own", "flow", 0, "trade", 0.15, 0.15, 0),
    _s("budget.revenue.mobilised", "own", "flow", 0, "flat", 0.0, 0.4, 0),
    _s("budget.spending.total", "cell", "flow", 4.0e8, "yearend", 0.06, 0.15),
    _s("investment.public.disbursed", "cell", "flow", 3.0e8, "yearend", 0.05, 0.25),
    _s("construction.permits", "cell", "flow", 2.0, "tet", 0.03),
    _s("land.certificates.households", "cell", "flow", 3.0, "tet", 0.0),
    _s("land.certificates.organisations", "cell", "flow", 0.05, "flat", 0.0),
    _s("land.conversion_cases", "cell", "flow", 1.5, "flat", 0.0),
    _s("land.conversion_area", "cell", "flow", 280.0, "flat", 0.0, 0.3),
    _s("gpmb.area_handed_over", "cell", "flow", 1500.0, "flat", 0.0, 0.5),
    _s("gpmb.households_handed_over", "cell", "flow", 1.2, "flat", 0.0),
    _s("gpmb.compensation_paid", "cell", "flow", 2.5e8, "yearend", 0.0, 0.5),
    _s("health.examinations", "cell", "flow", 1200.0, "flat", 0.03),
    _s("health.inpatients", "cell", "flow", 150.0, "flat", 0.03),
    _s("tthc.received_online", "cell", "flow", 100.0, "tet", 0.12),
    _s("tthc.received_direct", "cell", "flow", 14.0, "tet", -0.1),
    _s("tthc.received_bcci", "cell", "flow", 0.5, "flat", 0.0),
    _s("tthc.digitised", "cell", "flow", 90.0, "tet", 0.1),
    _s("citizens.visits", "cell", "flow", 0.9, "flat", 0.0),
    _s("complaints.received", "cell", "flow", 0.35, "flat", 0.0),
    _s("complaints.petitions", "cell", "flow", 0.6, "flat", 0.0),
    _s("security.crimes", "cell", "flow", 0.8, "tet", -0.03),
    _s("security.drug_cases", "cell", "flow", 0.6, "flat", 0.0),
    _s("security.theft_cases", "cell", "flow", 0.35, "tet", -0.05),
    _s("traffic.accidents", "cell", "flow", 0.45, "tet", -0.05),
    _s("traffic.deaths", "cell", "flow", 0.1, "tet", -0.05),
    _s("traffic.injured", "cell", "flow", 0.4, "tet", -0.05),
    _s("fire.incidents", "cell", "flow", 0.06, "dry", 0.0),
    _s("agri.animals_vaccinated", "cell", "flow", 2800.0, "vaccine", 0.1),
    _s("agri.vaccine_doses", "cell", "flow", 1100.0, "vaccine", 0.1),
    _s("agri.asf.households", "cell", "flow", 1.0, "asf", 0.0, 0.5),
    _s("agri.planted_area.rice", "cell", "flow", 2.0e5, "crop", 0.0, 0.05),
    _s("agri.planted_area.maize", "cell", "flow", 4.0e4, "crop", 0.0, 0.08),
    _s("agri.planted_area.vegetables", "cell", "flow", 1.8e4, "crop", 0.02, 0.08),
    _s("forestry.afforestation_area", "cell", "flow", 1.0e4, "afforest", 0.02, 0.2),
    _s("forestry.scattered_trees", "cell", "flow", 550.0, "afforest", 0.02, 0.2),
    _s("forestry.fires", "cell", "flow", 0.02, "dry", 0.0),
    _s("social.merit_payments", "cell", "flow", 2.0e8, "flat", 0.03, 0.03),
    _s("social.merit_recipients", "cell", "flow", 60.0, "flat", 0.0, 0.03),
    _s("social.gifts", "cell", "flow", 12.0, "gifts", 0.0),
    _s("social.houses_new", "cell", "flow", 0.4, "flat", 0.0),
    _s("social.houses_repaired", "cell", "flow", 0.3, "flat", 0.0),
    _s("culture.news_items", "cell", "flow", 14.0, "flat", 0.02),
    _s("culture.propaganda_sessions", "cell", "flow", 2.0, "flat", 0.0),
    _s("justice.birth_registrations", "cell", "flow", 12.0, "flat", -0.02),
    _s("justice.death_registrations", "cell", "flow", 5.0, "tet", 0.0),
    _s("justice.marriage_registrations", "cell", "flow", 6.0, "tet", 0.0),
    _s("justice.certifications", "cell", "flow", 90.0, "flat", 0.0),
    _s("labour.jobs_created", "cell", "flow", 14.0, "tet", 0.02),
    _s("labour.job_counselling", "cell", "flow", 55.0, "tet", -0.02),
    _s("labour.ui_applicants", "cell", "flow", 6.0, "tet", -0.1),
    _s("labour.workers_abroad", "cell", "flow", 0.5, "flat", 0.05),
    _s("smuggling.cases", "cell", "flow", 7.0, "tet", -0.05),
    _s("inspection.conducted", "own", "flow", 0.4, "flat", 0.0, 0.3, 95.0),
    _s("interior.rewards_collectives", "own", "flow", 2.0, "gifts", 0.0, 0.4, 4.0),
    _s("interior.rewards_individuals", "own", "flow", 6.0, "gifts", 0.0, 0.4, 6.0),
    _s("trade.retail_sales", "cell", "flow", 5.0e10, "trade", 0.12, 0.04),
    _s("trade.transport_revenue_passenger", "cell", "flow", 4.0e9, "tourism", 0.1, 0.05),
    _s("trade.transport_revenue_freight", "cell", "flow", 1.5e10, "trade", 0.1, 0.05),
    _s("tourism.visitors.domestic", "cell", "flow", 7000.0, "tourism", 0.02, 0.08),
    _s("tourism.visitors.international", "cell", "flow", 600.0, "tourism", 0.3, 0.15),
    _s("tourism.revenue", "cell", "flow", 8.0e9, "tourism", 0.1, 0.08),
    _s("border.trade_declared", "own", "flow", 0, "trade", 0.14, 0.08, 0),
    _s("border.exports", "own", "flow", 0, "trade", -0.1, 0.1, 0),
    _s("border.other_flows", "own", "flow", 0, "trade", 0.4, 0.1, 0),
    _s("border.local_exports", "own", "flow", 0, "flat", 0.05, 0.1, 0),
    _s("enterprise.new", "cell", "flow", 1.4, "tet", -0.1),
    _s("enterprise.new_capital", "cell", "flow", 1.0e10, "tet", -0.1, 0.3),
    _s("enterprise.resumed", "cell", "flow", 0.7, "tet", 0.3),
    _s("enterprise.suspended", "cell", "flow", 0.9, "tet", -0.1),
    _s("enterprise.dissolved", "cell", "flow", 0.2, "flat", -0.1),
    _s("industry.cement", "own", "flow", 0, "trade", 0.1, 0.06, 0),
    _s("industry.coal", "own", "flow", 0, "trade", 0.1, 0.08, 0),
    _s("industry.electricity_commercial", "own", "flow", 0, "flat", 0.07, 0.05, 0),
    _s("industry.tap_water", "own", "flow", 0, "flat", 0.02, 0.03, 0),
    # stocks
    _s("social.poor_households", "cell", "stock", 62.0, trend=-0.18, noise=0.15),
    _s("social.near_poor_households", "cell", "stock", 95.0, trend=-0.1, noise=0.15),
    _s("agri.herd.buffalo", "cell", "stock", 600.0, trend=-0.01, noise=0.1),
    _s("agri.herd.cattle", "cell", "stock", 340.0, trend=0.0, noise=0.1),
    _s("agri.herd.pigs", "cell", "stock", 2100.0, trend=-0.06, noise=0.1),
    _s("agri.herd.poultry", "cell", "stock", 65000.0, trend=0.0, noise=0.1),
    _s("edu.schools_total", "cell", "stock", 3.2, trend=0.0, noise=0.0),
    _s("tthc.pending", "cell", "stock", 35.0, trend=0.0, noise=0.3),
)}

# plan / estimate as a multiple of the expected yearly total
PLAN_FACTOR = (0.92, 1.2)


@lru_cache(maxsize=4)
def load_catalogue(data_dir: str | None = None) -> dict[str, dict[str, Any]]:
    """Indicators of `indicators.yaml` by code."""
    path = Path(data_dir) if data_dir else DATA_DIR
    items = yaml.safe_load((path / "indicators.yaml").read_text(encoding="utf-8"))
    return {item["code"]: item for item in items}


def _trend(spec: Spec, year: int, month: int) -> float:
    return float((1.0 + spec.trend) ** ((year - 2024) + (month - 1) / 12.0))


def _expected(spec: Spec, pop: float, year: int, month: int) -> float:
    return spec.base * pop / 10000.0 * SEASONS[spec.season][month - 1] * _trend(spec, year, month)


class Series:
    """Values of one province, deterministic for its seed."""

    def __init__(self, province: SynthProvince) -> None:
        self.province = province
        self.seed = province.seed
        self.catalogue = load_catalogue()
        self._cache: dict[tuple[str, str, int, int], float] = {}
        self._own_scale = {"province": 0.0, "district": 12.0, "commune": 1.0}
        self._pop = {u.code: sum(c.population for c in province.cells_of(u.code)) for u in province.units}

    def is_count(self, code: str) -> bool:
        return bool(self.catalogue.get(code, {}).get("dimension") == "count")

    # -- raw values -------------------------------------------------------------------------
    def _cell(self, cell_code: str, pop: int, spec: Spec, year: int, month: int) -> float:
        if spec.kind == "stock":
            yearly = 1.0 + spec.noise * gauss(self.seed, cell_code, spec.code, year)
            drift = 1.0 + 0.01 * gauss(self.seed, cell_code, spec.code, year, month)
            step = (1.0 + spec.trend) ** (year - 2024)
            return max(0.0, spec.base * pop / 10000.0 * yearly * drift * step)
        lam = _expected(spec, pop, year, month)
        if self.is_count(spec.code):
            return float(poisson(lam, self.seed, cell_code, spec.code, year, month))
        return lam * math.exp(spec.noise * gauss(self.seed, cell_code, spec.code, year, month)
                              - spec.noise**2 / 2)

    def raw(self, unit_code: str, code: str, year: int, month: int) -> float:
        """Unquantised value of a month (flow) or at the end of a month (stock)."""
        key = (unit_code, code, year, month)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        spec = SPECS[code]
        unit = self.province.unit(unit_code)
        if spec.source == "own":
            if spec.base == 0:
                level = self._province_scale(code)
            elif unit.level == "province":
                level = spec.base * spec.province_factor
            else:
                level = spec.base * self._own_scale[unit.level]
            lam = level * SEASONS[spec.season][month - 1] * _trend(spec, year, month)
            if self.is_count(code):
                value = float(poisson(lam, self.seed, unit_code, code, year, month))
            else:
                value = lam * math.exp(spec.noise * gauss(self.seed, unit_code, code, year, month))
        else:
            cells = self.province.cells_of(unit_code)
            value = sum(self._cell(c.code, c.population, spec, year, month) for c in cells)
            if spec.kind == "stock" and self.is_count(code):
                value = float(sum(round(self._cell(c.code, c.population, spec, year, month)) for c in cells))
        self._cache[key] = value
        return value

    def _province_scale(self, code: str) -> float:
        """Province-only figures, sized from the population (base 0 in SPECS)."""
        pop = self.province.population / 10000.0
        sizes = {
            "budget.revenue.import_export": 1.6e9, "budget.revenue.mobilised": 2.5e7,
            "border.trade_declared": 8.0e5, "border.exports": 2.6e5, "border.other_flows": 1.1e7,
            "border.local_exports": 2.2e4, "industry.cement": 1.2e6, "industry.coal": 3.6e5,
            "industry.electricity_commercial": 1.3e5, "industry.tap_water": 1.1e4,
        }
        return sizes[code] * pop

    # -- printed values ---------------------------------------------------------------------
    def cumulative(self, unit_code: str, code: str, year: int, month: int, quantum: Decimal) -> Decimal:
        """Sum from January to `month`, quantised (base units)."""
        total = sum(self.raw(unit_code, code, year, m) for m in range(1, month + 1))
        return _q(total, quantum)

    def month(self, unit_code: str, code: str, year: int, month: int, quantum: Decimal) -> Decimal:
        """Value of a flow in `month` (or a stock at its end), quantised (base units)."""
        if SPECS[code].kind == "stock":
            return _q(self.raw(unit_code, code, year, month), quantum)
        cum = self.cumulative(unit_code, code, year, month, quantum)
        prev = self.cumulative(unit_code, code, year, month - 1, quantum) if month > 1 else Decimal(0)
        return cum - prev

    def plan(self, unit_code: str, code: str, year: int, quantum: Decimal) -> Decimal:
        """The yearly plan or budget estimate, a round figure near the expected total."""
        expected = sum(self._expected_unit(unit_code, code, year, m) for m in range(1, 13))
        factor = PLAN_FACTOR[0] + (PLAN_FACTOR[1] - PLAN_FACTOR[0]) * uniform(self.seed, unit_code, code, year, "plan")
        return max(quantum, _q(expected * factor, quantum))

    def _expected_unit(self, unit_code: str, code: str, year: int, month: int) -> float:
        spec = SPECS[code]
        if spec.source == "own":
            return self.raw(unit_code, code, year, month)
        return _expected(spec, self._pop[unit_code], year, month)


def _q(value: float, quantum: Decimal) -> Decimal:
    steps = Decimal(str(round(value / float(quantum))))
    return steps * quantum
