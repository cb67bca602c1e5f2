"""Shared test fixtures: where the seeds are, how to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("BAOCAO_SEEDS", ROOT.parent / "shared" / "seeds"))
GOLDEN = ROOT / "tests" / "golden"


def pytest_report_header(config: pytest.Config) -> str:
    if SEEDS.is_dir():
        return f"baocao seeds: {SEEDS} ({len(list(SEEDS.glob('*.txt')))} reports)"
    return f"baocao seeds: NOT FOUND at {SEEDS} — seed tests will be SKIPPED"


def seed_path(stem_prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"SEEDS MISSING: {SEEDS} not found; real-report tests skipped")
    found = sorted(SEEDS.glob(f"{stem_prefix}*.txt"))
    if not found:
        pytest.skip(f"SEEDS MISSING: no {stem_prefix}* in {SEEDS}")
    return found[0]


def run_cli(*args: str, input_bytes: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `baocao` as users do, in a subprocess."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=300,
        check=False,
    )
