"""Load the indicator catalogue from the core's data file into the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from baocao.web.indicators.models import Indicator

FIELDS = ("name", "sector", "dimension", "unit", "display_unit", "aggregate_units", "aggregate_time", "levels",
          "key", "phrases")


def catalogue_path(data_dir: Path | None = None) -> Path:
    base = data_dir or Path(__file__).resolve().parents[2] / "data"
    return base / "indicators.yaml"


@dataclass(frozen=True)
class CatalogueSummary:
    created: int
    updated: int
    kept: int  # edited in the admin: left as they are


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    out = {f: item[f] for f in FIELDS if f in item}
    num, den = (item.get("ratio_of") or ["", ""])[:2]
    out["ratio_numerator"], out["ratio_denominator"] = num, den
    return out


def load_catalogue(path: Path | None = None) -> CatalogueSummary:
    """Add new indicators and refresh the unedited ones; admin edits are never overwritten."""
    items = yaml.safe_load((path or catalogue_path()).read_text(encoding="utf-8"))
    existing = {i.code: i for i in Indicator.objects.all()}
    created: list[Indicator] = []
    updated = kept = 0
    for item in items:
        fields = _fields(item)
        current = existing.get(item["code"])
        if current is None:
            created.append(Indicator(code=item["code"], **fields))
            continue
        if current.edited:
            kept += 1
            continue
        if any(getattr(current, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(current, k, v)
            current.save()
            updated += 1
    Indicator.objects.bulk_create(created)
    return CatalogueSummary(len(created), updated, kept)


def by_code() -> dict[str, Indicator]:
    return {i.code: i for i in Indicator.objects.all()}
