"""Parse speed: MB of text layer per second on one core (target ≥ 5 MB/s)."""

from __future__ import annotations

import argparse
import time

from common import report, seeds

from baocao.config import Config
from baocao.parse import parse
from baocao.parse.headings import is_all_caps, match_heading
from baocao.read import read_data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    files = [(p.name, p.read_bytes()) for p in seeds()]
    if not files:
        return
    config = Config()
    total = sum(len(data) for _, data in files)
    started = time.perf_counter()
    for _ in range(args.rounds):
        for name, data in files:
            match_heading.cache_clear()  # no credit for having seen the same lines before
            is_all_caps.cache_clear()
            parse(read_data(data, name, config))
    elapsed = time.perf_counter() - started
    mb = total * args.rounds / 1e6
    report("parse", {"files": len(files), "rounds": args.rounds, "mb": round(mb, 2),
                     "seconds": round(elapsed, 2), "mb_per_s_per_core": round(mb / elapsed, 2), "target": 5.0})


if __name__ == "__main__":
    main()
