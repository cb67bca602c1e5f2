"""Shared helpers of the bench scripts: where the seeds are, how to report."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = Path(os.environ.get("BAOCAO_SEEDS", ROOT.parent / "shared" / "seeds"))
OUT = ROOT / "bench" / "out"


def seeds() -> list[Path]:
    if not SEEDS.is_dir():
        print(f"SEEDS MISSING: {SEEDS} not found; this bench needs the real reports", file=sys.stderr)
        return []
    return sorted(SEEDS.glob("*.txt"))


def report(name: str, data: dict[str, object]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(data, ensure_ascii=False, indent=2))
