"""PostgreSQL only: the command line on a fresh PostgreSQL database (the rest of tests/web runs on
PostgreSQL too when DATABASE_URL is set; ./dev test does that after the SQLite run)."""

from __future__ import annotations

import csv
import io
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

from tests.web.conftest import LINEAGE_CSV, UNITS_CSV, report_text
from tests.web.test_cli import baocao

pytestmark = pytest.mark.postgres
ADMIN_URL = os.environ.get("BAOCAO_TEST_PG_URL") or os.environ.get("DATABASE_URL")


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not ADMIN_URL:
        pytest.skip("POSTGRESQL NOT CONFIGURED: set BAOCAO_TEST_PG_URL (./dev test does) — PostgreSQL test skipped")
    import psycopg

    name = f"baocao_cli_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunparse(urlparse(ADMIN_URL)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_command_line_on_a_fresh_postgresql_database(pg_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": pg_url}
    (tmp_path / "units.csv").write_text(UNITS_CSV, encoding="utf-8")
    (tmp_path / "lineage.csv").write_text(LINEAGE_CSV, encoding="utf-8")
    first = baocao(tmp_path, "init", env=env)
    assert first.returncode == 0, first.stderr
    assert "PostgreSQL" in first.stdout and "Đã áp dụng" in first.stdout
    assert "phiên bản mới nhất" in baocao(tmp_path, "init", env=env).stdout
    assert baocao(tmp_path, "units", "import", str(tmp_path / "units.csv"), env=env).returncode == 0
    assert baocao(tmp_path, "units", "lineage", str(tmp_path / "lineage.csv"), env=env).returncode == 0
    files = []
    for month in (10, 11):
        f = tmp_path / f"r{month}.txt"
        f.write_text(report_text(title=f"Tình hình kinh tế - xã hội tháng {month} năm 2025",
                                 body=f"Trong tháng, tiếp nhận {200 + month} văn bản đến."), encoding="utf-8")
        files.append(str(f))
    ingest = baocao(tmp_path, "ingest", *files, env=env)
    assert ingest.returncode == 0, ingest.stderr
    again = baocao(tmp_path, "ingest", files[0], env=env)
    assert "đã lưu trước đó" in again.stdout
    values = baocao(tmp_path, "values", "docs.incoming", "--unit", "06041", "--csv", env=env)
    rows = list(csv.DictReader(io.StringIO(values.stdout)))
    assert [(r["period"], r["value"]) for r in rows] == [("2025-10", "210"), ("2025-11", "211")]
    assert not (tmp_path / "baocao.sqlite3").exists()
