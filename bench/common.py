"""Shared helpers of the bench scripts: where the seeds are, how to report."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
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


def timed(fn: Callable[[int], object], rounds: int) -> dict[str, float]:
    """p50, p95 and max in ms of `rounds` calls `fn(k)`, after three warm-up calls."""
    for k in range(3):
        fn(k)
    times = []
    for k in range(rounds):
        t = time.perf_counter()
        fn(k)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            "max_ms": round(times[-1], 1)}
