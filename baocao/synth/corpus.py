"""`write_corpus`: units, lineage, monthly reports and their truth for a synthetic province."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from baocao.synth.series import Series
from baocao.synth.world import make_province
from baocao.synth.writer import render_report
from baocao.text.dates import month_run


def write_corpus(out_dir: Path | str, n_communes: int, months: int, seed: int, start: tuple[int, int] = (2024, 1),
                 districts: bool = True, mistakes: Sequence[str] = ()) -> list[Path]:
    """Write `units.csv`, `lineage.csv`, one `.txt` per unit and month, and `truth.jsonl`.

    Reports exist for every unit valid on the first day of the month (the
    province, districts before 2025-07-01, communes). Returns the report paths.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    province = make_province(n_communes, seed, districts=districts)
    series = Series(province)
    with (out / "units.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "kind", "parent_code", "valid_from", "valid_to"])
        for u in province.units:
            w.writerow([u.code, u.name, u.kind, u.parent_code or "",
                        u.valid_from.isoformat() if u.valid_from else "",
                        u.valid_to.isoformat() if u.valid_to else ""])
    with (out / "lineage.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit_code", "predecessor_code", "share", "kind", "date"])
        for link in province.lineage:
            w.writerow([link.unit_code, link.predecessor_code, f"{link.share:g}", link.kind, link.date.isoformat()])
    paths: list[Path] = []
    with (out / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for year, month in month_run(start, months):
            for unit in province.units_on(date(year, month, 1)):
                report = render_report(province, unit.code, year, month, seed, mistakes, series=series)
                path = out / f"{unit.code}_{year}-{month:02d}.txt"
                path.write_text(report.text, encoding="utf-8")
                paths.append(path)
                record = {"file": path.name, **report.to_dict()}
                truth.write(json.dumps(record, ensure_ascii=False) + "\n")
    return paths
