"""Store speed: ingest throughput and query latency, on SQLite and PostgreSQL.

- ingest: synthetic reports (baocao.synth) end to end — read, analyse, store, derive values,
  store checks — into a fresh SQLite data directory and a fresh PostgreSQL database
  (target ≥ 20 reports/s);
- province scale: 65 communes × 10 years (the 2025 merger included), ~300 indicator values per
  report inserted in bulk; p50/p95 of a time series (a merged ward, following lineage), a
  one-period ranking across the communes and a province rollup (target p95 < 50 ms on SQLite);
- national scale on PostgreSQL: 3 300 communes in 34 provinces × 5 years, inserted in bulk
  (target p95 < 300 ms).

Each scenario runs in its own process (Django's settings are per process); PostgreSQL comes
from --pg-url, BAOCAO_TEST_PG_URL or DATABASE_URL and is skipped loudly without one. Usage:
  .venv/bin/python bench/bench_store.py [--quick] [--national-indicators 60] [--skip-national]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

from common import ROOT, report, timed

from baocao.text.dates import month_run

SEED = 11


# -- orchestration (this process never starts Django) ----------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", choices=("ingest", "province", "national"))
    ap.add_argument("--db", choices=("sqlite", "pg"), default="sqlite")
    ap.add_argument("--pg-url", default=os.environ.get("BAOCAO_TEST_PG_URL") or os.environ.get("DATABASE_URL"))
    ap.add_argument("--quick", action="store_true", help="small sizes, to check the script runs")
    ap.add_argument("--national-indicators", type=int, default=60)
    ap.add_argument("--skip-national", action="store_true")
    ap.add_argument("--rounds", type=int, default=60)
    ap.add_argument("--store-only", action="store_true",
                    help="ingest without the receivers other apps connect to version_stored (tasks)")
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(run_scenario(args)))
        return
    results: dict[str, Any] = {}
    plan = [("ingest", "sqlite"), ("ingest-store-only", "sqlite"), ("province", "sqlite")]
    if args.pg_url:
        plan += [("ingest", "pg"), ("ingest-store-only", "pg"), ("province", "pg")]
        if not args.skip_national:
            plan.append(("national", "pg"))
    else:
        print("POSTGRESQL NOT CONFIGURED (--pg-url or BAOCAO_TEST_PG_URL): PostgreSQL benches SKIPPED",
              file=sys.stderr)
    for scenario, db in plan:
        cmd = [sys.executable, __file__, "--scenario", scenario.replace("-store-only", ""), "--db", db,
               "--rounds", str(args.rounds), "--national-indicators", str(args.national_indicators)]
        if scenario.endswith("-store-only"):
            cmd.append("--store-only")
        if args.quick:
            cmd.append("--quick")
        if args.pg_url:
            cmd += ["--pg-url", args.pg_url]
        print(f"[bench_store] {scenario} on {db} …", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            raise SystemExit(f"scenario {scenario}/{db} failed")
        results[f"{scenario.replace('-', '_')}_{db}"] = json.loads(proc.stdout.strip().splitlines()[-1])
    results["targets"] = {"ingest_reports_per_s": 20, "province_p95_ms_sqlite": 50, "national_p95_ms_pg": 300}
    report("store", results)


def run_scenario(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as tmp:
        home = Path(tmp) / "home"
        dbname = None
        if args.db == "pg":
            if not args.pg_url:
                raise SystemExit("no PostgreSQL URL")
            dbname = f"baocao_bench_{args.scenario}_{os.getpid()}"
            _pg_admin(args.pg_url, f'CREATE DATABASE "{dbname}"')
            os.environ["DATABASE_URL"] = urlunparse(urlparse(args.pg_url)._replace(path=f"/{dbname}"))
        else:
            os.environ.pop("DATABASE_URL", None)
        os.environ["BAOCAO_HOME"] = str(home)
        try:
            from baocao.web.bootstrap import ensure_home, migrate, setup_django

            setup_django()
            ensure_home()
            migrate()
            from baocao.web.indicators.catalogue import load_catalogue

            load_catalogue()
            if args.scenario == "ingest":
                return bench_ingest(Path(tmp), args.quick, args.store_only)
            if args.scenario == "province":
                return bench_province(args.quick, args.rounds)
            return bench_national(args.quick, args.rounds, args.national_indicators)
        finally:
            if dbname:
                from django.db import connections

                connections.close_all()
                _pg_admin(args.pg_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def _pg_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


# -- ingest ------------------------------------------------------------------------------------------
def bench_ingest(tmp: Path, quick: bool, store_only: bool = False) -> dict[str, Any]:
    from baocao.synth.corpus import write_corpus
    from baocao.web.reports.signals import version_stored

    receivers = len(version_stored.receivers)
    if store_only:
        version_stored.receivers = []  # the store alone, without what other apps do per version
    from baocao.web.reports.batch import Item, ingest_files
    from baocao.web.units.services import import_lineage, import_units

    corpus = tmp / "corpus"
    communes, months = (4, 3) if quick else (12, 12)
    paths = write_corpus(corpus, communes, months, SEED, start=(2025, 1))
    import_units((corpus / "units.csv").read_text(encoding="utf-8"), actor="bench")
    import_lineage((corpus / "lineage.csv").read_text(encoding="utf-8"), actor="bench")
    items = [Item(p, *p.stem.split("_", 1)) for p in paths]
    cpu0 = _cpu()
    started = time.perf_counter()
    batch = ingest_files(items, status="submitted", actor="bench", via="bench")
    elapsed = time.perf_counter() - started
    cpu = _cpu() - cpu0  # this process and its analysis workers (not the database server)
    from baocao.web.indicators.models import Fact, IndicatorValue

    cores = os.cpu_count() or 1
    return {"reports": len(items), "stored": batch.stored, "failed": batch.failed, "seconds": round(elapsed, 2),
            "reports_per_s": round(batch.stored / elapsed, 1), "cpu_ms_per_report": round(cpu / len(items) * 1000),
            "reports_per_s_if_cores_free": round(cores * len(items) / cpu, 1), "load_average": os.getloadavg()[0],
            "facts": Fact.objects.count(), "values": IndicatorValue.objects.count(),
            "outliers_flagged": batch.outliers, "cpus": cores,
            "version_stored_receivers": 0 if store_only else receivers}


def _cpu() -> float:
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


# -- bulk data ---------------------------------------------------------------------------------------


def insert_values(rows: Any, chunk: int = 50_000) -> int:
    """Bulk insert (unit_id, period_id, indicator_id, scope, value) rows: COPY on PostgreSQL."""
    from django.db import connection, transaction

    from baocao.web.indicators.models import IndicatorValue

    table = IndicatorValue._meta.db_table
    cols = "unit_id, period_id, indicator_id, scope, value, reported_value, estimate, corrected, " \
           "correction_reason, updated_at"
    now = datetime.now(UTC)
    n = 0
    with transaction.atomic(), connection.cursor() as cur:
        if connection.vendor == "postgresql":
            # generated rows are consistent: skip the deferred foreign-key triggers at commit
            # (minutes for tens of millions of rows; needs a superuser, which the test role is)
            cur.execute("SET LOCAL session_replication_role = replica")
            with cur.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for u, p, i, s, v in rows:
                    copy.write_row((u, p, i, s, v, v, False, False, "", now))
                    n += 1
            return n
        sql = f"INSERT INTO {table} ({cols}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        batch = []
        for u, p, i, s, v in rows:
            batch.append((u, p, i, s, v, v, False, False, "", now))
            if len(batch) >= chunk:
                cur.executemany(sql, batch)
                n += len(batch)
                batch = []
        if batch:
            cur.executemany(sql, batch)
            n += len(batch)
    return n


def _analyze() -> None:
    """Statistics (and on PostgreSQL the visibility map, for index-only scans), as autovacuum would."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("VACUUM (ANALYZE) indicators_indicatorvalue" if connection.vendor == "postgresql" else "ANALYZE")


def _indicator_plan(n: int | None = None) -> list[tuple[int, str, float]]:
    """(indicator id, scope, base size): every catalogue indicator in its period scope, and the flows
    that reports also print cumulatively, up to ~300 values per report."""
    from baocao.web.indicators.models import Indicator

    inds = list(Indicator.objects.order_by("code"))
    rng = random.Random(SEED)
    plan = [(i.pk, "period", rng.uniform(5, 5000) * (1e6 if i.dimension == "money" else 1)) for i in inds]
    flows = [i for i in inds if i.aggregate_time == "sum"]
    plan += [(i.pk, "cumulative", rng.uniform(50, 50000) * (1e6 if i.dimension == "money" else 1))
             for i in flows[: max(0, 300 - len(plan))]]
    return plan[:n] if n else plan


def _value(base: float, size: float, month: int, noise: float) -> float:
    season = 1.6 if month == 12 else (0.8 if month in (1, 2) else 1.0)
    return round(base * size * season * noise, 1)




# -- province scale ----------------------------------------------------------------------------------
def bench_province(quick: bool, rounds: int) -> dict[str, Any]:
    from baocao.synth.world import make_province
    from baocao.web.accounts.services import add_user
    from baocao.web.indicators.models import Indicator
    from baocao.web.periods.services import ensure_period
    from baocao.web.units.models import Unit
    from baocao.web.units.services import import_lineage, import_units

    communes, years = (8, 2) if quick else (65, 10)
    province = make_province(communes, SEED)
    header = "code,name,kind,parent_code,valid_from,valid_to\n"
    import_units(header + "".join(f"{u.code},{u.name},{u.kind},{u.parent_code or ''},"
                                  f"{u.valid_from or ''},{u.valid_to or ''}\n" for u in province.units), actor="bench")
    import_lineage("unit_code,predecessor_code,share,kind,date\n" + "".join(
        f"{link.unit_code},{link.predecessor_code},{link.share},{link.kind},{link.date}\n"
        for link in province.lineage), actor="bench")
    ids = dict(Unit.objects.values_list("code", "pk"))
    months = month_run((2026 - years, 1), 12 * years)
    periods = {ym: ensure_period(f"{ym[0]}-{ym[1]:02d}").pk for ym in months}
    plan = _indicator_plan()
    rng = random.Random(SEED)
    sizes = {u.code: rng.uniform(0.3, 3) for u in province.units}

    def rows() -> Any:
        for y, m in months:
            for u in province.units_on(date(y, m, 1), level="commune"):
                size = sizes[u.code]
                for ind, scope, base in plan:
                    yield ids[u.code], periods[(y, m)], ind, scope, _value(base, size, m, rng.uniform(0.9, 1.1))

    started = time.perf_counter()
    n = insert_values(rows())
    load = time.perf_counter() - started
    _analyze()
    reviewer = add_user("bench", Unit.objects.get(code=province.code), "reviewer", actor="bench").user
    out = _queries(Unit.objects.get(code=province.code), reviewer, list(periods.values()), plan, rounds,
                   merged=[ids[link.unit_code] for link in province.lineage if link.kind == "merge"])
    out.update({"communes": communes, "years": years, "values": n, "values_per_report": len(plan),
                "load_seconds": round(load, 1), "indicators": Indicator.objects.count()})
    return out


def _queries(province: Any, user: Any, period_ids: list[int], plan: list[tuple[int, str, float]], rounds: int,
             merged: list[int]) -> dict[str, Any]:
    from baocao.web.indicators import queries
    from baocao.web.indicators.models import Indicator
    from baocao.web.indicators.rollup import rollup
    from baocao.web.periods.models import Period
    from baocao.web.units.models import Unit

    rng = random.Random(SEED + 1)
    inds = {i.pk: i for i in Indicator.objects.all()}
    period_pairs = [(i, s) for i, s, _ in plan]
    periods = list(Period.objects.filter(pk__in=period_ids))
    wards = list(Unit.objects.filter(pk__in=merged)) or list(Unit.objects.filter(level="commune")[:20])

    def series(_: int) -> None:
        i, scope = rng.choice(period_pairs)
        points = queries.series(inds[i], rng.choice(wards), scope=scope)
        assert points

    def ranking(_: int) -> None:
        i, scope = rng.choice(period_pairs)
        assert queries.ranking(inds[i], rng.choice(periods), user, scope=scope)

    def province_rollup(_: int) -> None:
        i, scope = rng.choice(period_pairs)
        rollup(inds[i], province, rng.choice(periods), scope)

    return {"series": timed(series, rounds), "ranking": timed(ranking, rounds),
            "rollup": timed(province_rollup, rounds)}


# -- national scale ----------------------------------------------------------------------------------
def bench_national(quick: bool, rounds: int, n_indicators: int) -> dict[str, Any]:
    from baocao.web.accounts.services import add_user
    from baocao.web.periods.services import ensure_period
    from baocao.web.units.models import Unit
    from baocao.web.units.services import import_units

    provinces, per_province, years = (3, 20, 1) if quick else (34, 97, 5)  # 34 × 97 = 3 298 communes
    lines = ["code,name,kind,parent_code,valid_from,valid_to"]
    for p in range(provinces):
        pcode = f"P{p:02d}"
        lines.append(f"{pcode},Tỉnh {p},tỉnh,,,")
        lines += [f"{pcode}{c:03d},Xã {p}-{c},xã,{pcode},," for c in range(per_province)]
    import_units("\n".join(lines) + "\n", actor="bench")
    units = list(Unit.objects.filter(level="commune").values_list("pk", flat=True))
    months = month_run((2026 - years, 1), 12 * years)
    periods = [ensure_period(f"{y}-{m:02d}").pk for y, m in months]
    plan = _indicator_plan(n_indicators)
    rng = random.Random(SEED)
    sizes = {u: rng.uniform(0.3, 3) for u in units}

    def rows() -> Any:
        for (_, m), period in zip(months, periods, strict=True):
            for u in units:
                for ind, scope, base in plan:
                    yield u, period, ind, scope, _value(base, sizes[u], m, rng.uniform(0.9, 1.1))

    started = time.perf_counter()
    n = insert_values(rows())
    load = time.perf_counter() - started
    _analyze()
    province = Unit.objects.get(code="P00")
    admin = add_user("bench", province, "admin", actor="bench").user
    admin.is_superuser = True  # the national ranking: every commune of the country
    admin.save()
    out = _queries(province, admin, periods, plan, rounds, merged=[])
    out.update({"communes": len(units), "provinces": provinces, "years": years, "values": n,
                "values_per_report": len(plan), "load_seconds": round(load, 1)})
    return out


if __name__ == "__main__":
    main()
