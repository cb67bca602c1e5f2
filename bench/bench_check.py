"""Check quality on synthetic reports: inject one mistake of each kind at random into clean
reports and measure recall per kind; count false findings on clean reports.

Targets: recall ≥ 0.95 for every kind; ≤ 0.2 false findings (errors and warnings) per clean report.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict

from common import report

from baocao.check.model import Finding
from baocao.config import Config
from baocao.pipeline import Analysis, analyze_bytes
from baocao.synth import MISTAKE_KINDS, make_province, render_report
from baocao.synth.series import Series

ACCEPT = {
    "sum": {"sum_mismatch", "part_exceeds_total", "partition_denominator"},
    "ratio": {"percent_mismatch", "percent_truncated", "rate_base_changed", "same_period_mismatch"},
    "percent_change": {"percent_mismatch", "percent_truncated", "change_direction", "previous_period_mismatch",
                       "same_period_mismatch"},
    "carry_over": {"carry_over_mismatch"},
    "date_year": {"as_of_outside_period", "school_year_mismatch", "range_outside_period", "impossible_date",
                  "date_far_from_period"},
    "doc_date": {"document_date_conflict"},
    "duplicate_heading": {"heading_duplicate"},
    "skipped_heading": {"heading_skipped"},
    "doubled_word": {"doubled_word"},
    "misspelling": {"misspelling"},
    "cumulative": {"cumulative_mismatch", "cumulative_decreased"},
}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def caught(findings: tuple[Finding, ...], kind: str, involved: tuple[str, ...]) -> bool:
    for f in findings:
        if f.code not in ACCEPT[kind]:
            continue
        where = squash(f.message + " " + " ".join((e.raw or "") + " " + e.sentence for e in f.evidence))
        if not involved or any(squash(x) in where for x in involved if x.strip()):
            return True
    return False


def run(text: str, previous: list[Analysis]) -> Analysis:
    return analyze_bytes(text.encode("utf-8"), "synth.txt", Config(), previous=previous)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-kind", type=int, default=20)
    ap.add_argument("--clean", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    province = make_province(10, args.seed)
    series = Series(province)
    import datetime as dt

    units = [u for u in province.units if u.level in ("commune", "province")
             and (u.valid_from is None or u.valid_from <= dt.date(2025, 7, 1))
             and (u.valid_to is None or u.valid_to >= dt.date(2025, 12, 31))]

    def earlier(code: str, year: int, month: int, seed: int) -> list[Analysis]:
        """Last month's report and the same month last year, as the store would give them."""
        out = [run(render_report(province, code, year, month - 1, seed, series=series).text, [])]
        unit = next(u for u in province.units if u.code == code)
        if unit.valid_from is None or unit.valid_from <= dt.date(year - 1, month, 1):
            out.append(run(render_report(province, code, year - 1, month, seed, series=series).text, []))
        else:  # a unit formed in the 2025 reform: last year's reports are its predecessors'
            links = [link for link in province.lineage if link.unit_code == code]
            if links and all(link.share == 1.0 for link in links):
                for link in links:
                    out.append(run(render_report(province, link.predecessor_code, year - 1, month, seed,
                                                 series=series).text, []))
        return out

    def pick() -> tuple[str, int, int]:
        unit = rng.choice(units)
        return unit.code, 2025, rng.randint(8, 11)

    clean_counts: list[int] = []
    false_codes: Counter[str] = Counter()
    for i in range(args.clean):
        code, year, month = pick()
        cur = render_report(province, code, year, month, args.seed + i, series=series)
        result = run(cur.text, earlier(code, year, month, args.seed + i))
        bad = [f for f in result.findings if f.severity in ("error", "warning")]
        clean_counts.append(len(bad))
        for f in bad:
            false_codes[f.code] += 1
            if args.verbose:
                print("FALSE", f.code, f.message[:140])
    recall: dict[str, dict[str, object]] = {}
    misses: dict[str, list[str]] = defaultdict(list)
    for kind in MISTAKE_KINDS:
        hit = total = printed_hit = printed_total = 0
        for j in range(args.per_kind):
            code, year, month = pick()
            seed = args.seed * 1000 + j
            rep = render_report(province, code, year, month, seed, mistakes=(kind,), series=series)
            if not rep.mistakes:
                continue
            result = run(rep.text, earlier(code, year, month, seed))
            total += 1
            m = rep.mistakes[0]
            # a ratio or change whose basis is printed nowhere (not in this report, nor in the
            # reports given) cannot be verified by any reader
            unprinted = any(c.base is not None and c.result in m.fact_ids for c in rep.checks) and kind in (
                "ratio", "percent_change")
            ok = caught(result.findings, kind, m.involved)
            hit += ok
            if not unprinted:
                printed_total += 1
                printed_hit += ok
            if not ok:
                misses[kind].append(m.description + (" [basis not printed]" if unprinted else ""))
        recall[kind] = {"injected": total, "caught": hit, "recall": round(hit / total, 3) if total else None,
                        "basis_printed": printed_total,
                        "recall_basis_printed": round(printed_hit / printed_total, 3) if printed_total else None}
    summary = {
        "recall_per_kind": recall,
        "min_recall": min((v["recall"] for v in recall.values() if v["recall"] is not None), default=None),  # type: ignore[type-var]
        "clean_reports": len(clean_counts),
        "false_findings_per_clean_report": round(sum(clean_counts) / len(clean_counts), 3) if clean_counts else None,
        "false_finding_codes": dict(false_codes.most_common()),
        "targets": {"recall": 0.95, "false_findings_per_clean_report": 0.2},
    }
    report("check", summary)
    if args.verbose:
        for kind, items in misses.items():
            for d in items:
                print("MISS", kind, d)


if __name__ == "__main__":
    main()
