"""Web pages' server time at province scale: dashboard, overview, explorer (target p95 < 150 ms) and
search (target p95 < 200 ms).

The province of the demo generator (`baocao.synth`, 65 communes after the 2025 merger, districts
and the old communes before it) gets ten years of monthly reports, inserted in bulk: a report and
its version per unit and month (dated around the due day, a few late, a few missing), ~300
indicator values per commune report, open findings in the last months, and the sentences of
real synthetic reports (rendered and parsed by the core) in the search index, each report
getting the sentences of a rendered report of its own unit. Pages are then requested through
Django's test client as the province's reviewer; the time is the server's (view, queries,
template), measured around `client.get`.

Usage: .venv/bin/python bench/bench_web.py [--quick] [--rounds 40] [--db sqlite|pg] [--pg-url URL]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

from common import report, timed

from baocao.text.dates import month_run

SEED = 17
QUERIES = ["giải ngân", "giai ngan", "GPMB", "thu ngân sách nhà nước", "tai nan giao thong", "hồ sơ",
           "đầu tư công", "tiêm phòng", "dau tu cong", "ho ngheo"]
TARGETS = {"dashboard": 150, "overview": 150, "explorer": 150, "search": 200}






def executemany(sql: str, rows: Any, chunk: int = 20_000) -> int:
    from django.db import connection

    n, batch = 0, []
    with connection.cursor() as cur:
        for row in rows:
            batch.append(row)
            if len(batch) >= chunk:
                cur.executemany(sql, batch)
                n, batch = n + len(batch), []
        if batch:
            cur.executemany(sql, batch)
            n += len(batch)
    return n


# -- the province, in bulk ---------------------------------------------------------------------------
def load(communes: int, years: int, rng: random.Random) -> dict[str, Any]:
    from django.db import transaction

    from baocao.synth.world import make_province
    from baocao.web.periods.services import due_date, ensure_period
    from baocao.web.reports.models import Report, ReportVersion
    from baocao.web.units.models import Unit
    from baocao.web.units.services import import_lineage, import_units

    province = make_province(communes, SEED)
    import_units("code,name,kind,parent_code,valid_from,valid_to\n" + "".join(
        f"{u.code},{u.name},{u.kind},{u.parent_code or ''},{u.valid_from or ''},{u.valid_to or ''}\n"
        for u in province.units), actor="bench")
    import_lineage("unit_code,predecessor_code,share,kind,date\n" + "".join(
        f"{k.unit_code},{k.predecessor_code},{k.share},{k.kind},{k.date}\n" for k in province.lineage), actor="bench")
    units = {u.code: u for u in Unit.objects.all()}
    root = units[province.code]
    span = month_run((2026 - years, 1), 12 * years)
    periods = {ym: ensure_period(f"{ym[0]}-{ym[1]:02d}") for ym in span}
    now = datetime.now(UTC)
    plan: list[tuple[str, tuple[int, int]]] = []
    for y, m in span:
        for u in province.units_on(date(y, m, 1)):
            if (y, m) == span[-1] and u.level == "commune" and rng.random() < 0.05:
                continue  # missing in the last month
            plan.append((u.code, (y, m)))
    with transaction.atomic():
        reports = []
        for code, ym in plan:
            unit, period = units[code], periods[ym]
            due = due_date(unit.level, period, root.pk)
            day = min(28, max(1, due.day + rng.choice((-6, -4, -2, -1, 0, 1, 3))))
            status = "submitted" if ym in span[-2:] else "reviewed"
            reports.append(Report(unit=unit, period=period, doc_type="report", status=status,
                                  issued_on=date(ym[0], ym[1], day), submitted_at=now,
                                  title=f"Tình hình kinh tế - xã hội tháng {ym[1]} năm {ym[0]}"))
        reports = Report.objects.bulk_create(reports, batch_size=2000)
        versions = ReportVersion.objects.bulk_create([
            ReportVersion(report=r, number=1, sha256=hashlib.sha256(f"bench:{r.unit_id}:{r.period_id}".encode())
                          .hexdigest(), file_name="bench.txt", size=1, source_kind="text", document={},
                          uploaded_via="bench") for r in reports], batch_size=2000)
        for r, v in zip(reports, versions, strict=True):
            r.current = v
        Report.objects.bulk_update(reports, ["current"], batch_size=2000)
    return {"province": province, "units": units, "root": root, "periods": periods, "span": span,
            "reports": reports, "versions": versions}


def load_values(world: dict[str, Any], rng: random.Random, per_report: int) -> int:
    from django.db import connection, transaction

    from baocao.web.indicators.models import Indicator, IndicatorValue

    inds = list(Indicator.objects.order_by("-key", "code"))
    plan = [(i.pk, "period", rng.uniform(5, 5000) * (1e6 if i.dimension == "money" else 1)) for i in inds]
    plan += [(i.pk, "cumulative", rng.uniform(50, 50000) * (1e6 if i.dimension == "money" else 1))
             for i in inds if i.aggregate_time == "sum"]
    plan = plan[:per_report]
    size = {u: rng.uniform(0.3, 3) for u in world["units"].values()}
    table = IndicatorValue._meta.db_table
    cols = ("unit_id", "period_id", "indicator_id", "scope", "value", "reported_value", "estimate", "corrected",
            "correction_reason", "updated_at", "source_report_id", "source_version_id")
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))})"
    now = datetime.now(UTC)

    def rows() -> Any:
        for r, v in zip(world["reports"], world["versions"], strict=True):
            if r.unit.level != "commune":
                continue
            season = 1.6 if r.period.month == 12 else 1.0
            for ind, scope, base in plan:
                value = round(base * size[r.unit] * season * rng.uniform(0.9, 1.1), 1)
                yield (r.unit_id, r.period_id, ind, scope, value, value, False, False, "", now, r.pk, v.pk)

    with transaction.atomic():
        n = executemany(sql, rows())
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
    return n


def load_sentences(world: dict[str, Any], rng: random.Random, sample_months: int) -> int:
    """Render and parse real synthetic reports of the last months; every report gets the sentences of
    a rendered report of the same unit (the calendar month nearest), so search finds realistic text."""
    from django.db import connection, transaction

    from baocao.config import Config
    from baocao.pipeline import analyze_bytes
    from baocao.synth.series import Series
    from baocao.synth.writer import render_report
    from baocao.text.normalize import fold
    from baocao.web.search.index import sentences_of
    from baocao.web.search.models import Sentence

    province, span = world["province"], world["span"]
    series = Series(province)
    sample = span[-sample_months:] + [(2025, m) for m in range(1, 7)]  # before the merger too
    texts: dict[str, list[list[dict[str, Any]]]] = {}
    for y, m in sample:
        for u in province.units_on(date(y, m, 1)):
            text = render_report(province, u.code, y, m, SEED, (), series=series).text
            doc = analyze_bytes(text.encode("utf-8"), f"{u.code}.txt", Config(), upto="parse").document
            texts.setdefault(u.code, []).append(list(sentences_of(doc.to_dict())))
    table = Sentence._meta.db_table
    cols = ("report_id", "version_id", "unit_id", "period_id", "paragraph", "footnote", "start", "end", "section",
            "text", "folded")
    sql = f"INSERT INTO {table} ({', '.join(connection.ops.quote_name(c) for c in cols)}) " \
          f"VALUES ({', '.join(['%s'] * len(cols))})"

    def rows() -> Any:
        for r, v in zip(world["reports"], world["versions"], strict=True):
            pool = texts.get(r.unit.code)
            if not pool:
                continue
            for s in rng.choice(pool):
                yield (r.pk, v.pk, r.unit_id, r.period_id, s["paragraph"], s["footnote"], s["start"], s["end"],
                       s["section"], s["text"], fold(s["text"]))

    with transaction.atomic():
        n = executemany(sql, rows())
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    return n


def load_findings(world: dict[str, Any], rng: random.Random) -> int:
    from baocao.web.findings.models import Finding

    recent = set(world["span"][-3:])
    rows = []
    for r, v in zip(world["reports"], world["versions"], strict=True):
        if (r.period.year, r.period.month) in recent:
            for k in range(rng.randint(0, 4)):
                rows.append(Finding(report=r, version=v, unit_id=r.unit_id, period_id=r.period_id, source="check",
                                    code="sum_mismatch", severity=rng.choice(("error", "warning")),
                                    message=f"Tổng các thành phần khác số tổng ({k + 1}).", evidence=[]))
    Finding.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


# -- the pages ---------------------------------------------------------------------------------------
def measure(world: dict[str, Any], rounds: int, rng: random.Random) -> dict[str, Any]:
    from django.test import Client

    from baocao.web.accounts.services import add_user
    from baocao.web.indicators.models import Indicator

    root = world["root"]
    user = add_user("bench", root, "reviewer", actor="bench").user
    client = Client()
    client.force_login(user)
    today = [u for u in world["units"].values() if u.level == "commune" and u.valid_to is None]
    keys = list(Indicator.objects.filter(key=True).values_list("code", flat=True))
    codes = [f"{y}-{m:02d}" for y, m in world["span"]]
    first, last = codes[0], codes[-1]

    def get(path: str) -> None:
        resp = client.get(path)
        assert resp.status_code == 200, (path, resp.status_code)

    pages = {
        "dashboard": lambda k: get(f"/don-vi/{rng.choice(today).pk}/?chi-tieu={rng.choice(keys)}"),
        "overview": lambda k: get(f"/tong-quan/{root.pk}/?chi-tieu={rng.choice(keys)}&ky={rng.choice(codes[-12:])}"
                                  + ("&hien-nay=1" if k % 2 else "")),
        "explorer": lambda k: get(f"/chi-tieu/?indicator={rng.choice(keys)}&from={first}&to={last}"
                                  + "".join(f"&unit={u.pk}" for u in rng.sample(today, 4))),
        "search": lambda k: get("/tim-kiem/?" + __import__("urllib.parse").parse.urlencode(
            {"q": rng.choice(QUERIES), "page": rng.choice((1, 1, 2, 3))})),
    }
    return {name: timed(fn, rounds) for name, fn in pages.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes, to check the script runs")
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--db", choices=("sqlite", "pg"), default="sqlite")
    ap.add_argument("--pg-url", default=os.environ.get("BAOCAO_TEST_PG_URL"))
    ap.add_argument("--home", help="load into this data directory and keep it (SQLite), to look at the pages after")
    args = ap.parse_args()
    communes, years, per_report, sample = (8, 2, 60, 2) if args.quick else (65, 10, 300, 6)
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-web-") as tmp:
        os.environ["BAOCAO_HOME"] = args.home or str(Path(tmp) / "home")
        dbname = None
        if args.db == "pg":
            if not args.pg_url:
                raise SystemExit("POSTGRESQL NOT CONFIGURED: pass --pg-url or set BAOCAO_TEST_PG_URL")
            import psycopg

            dbname = f"baocao_bench_web_{os.getpid()}"
            with psycopg.connect(args.pg_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{dbname}"')
            os.environ["DATABASE_URL"] = urlunparse(urlparse(args.pg_url)._replace(path=f"/{dbname}"))
        else:
            os.environ.pop("DATABASE_URL", None)
        try:
            from baocao.web.bootstrap import ensure_home, migrate, setup_django

            setup_django()
            ensure_home()
            migrate()
            from django.conf import settings

            settings.ALLOWED_HOSTS = ["testserver"]
            from baocao.web.indicators.catalogue import load_catalogue

            load_catalogue()
            t = time.perf_counter()
            world = load(communes, years, rng)
            n_values = load_values(world, rng, per_report)
            n_sentences = load_sentences(world, rng, sample)
            n_findings = load_findings(world, rng)
            loaded = time.perf_counter() - t
            print(f"[bench_web] loaded {len(world['reports'])} reports, {n_values} values, {n_sentences} sentences "
                  f"in {loaded:.0f} s", file=sys.stderr, flush=True)
            pages = measure(world, args.rounds, rng)
        finally:
            if dbname:
                from django.db import connections

                connections.close_all()
                import psycopg

                with psycopg.connect(args.pg_url, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    report(f"web_{args.db}", {
        "db": args.db, "communes": communes, "years": years, "reports": len(world["reports"]),
        "values": n_values, "sentences": n_sentences, "findings": n_findings, "load_seconds": round(loaded),
        "rounds": args.rounds, "pages": pages, "targets_p95_ms": TARGETS,
        "met": {k: pages[k]["p95_ms"] < TARGETS[k] for k in TARGETS},
    })


if __name__ == "__main__":
    main()
