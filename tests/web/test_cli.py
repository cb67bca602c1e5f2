"""The store's commands end to end, as users run them (a subprocess with its own BAOCAO_HOME).

They run on SQLite; test_postgres.py runs the same path on a fresh PostgreSQL database.
"""

from __future__ import annotations

import csv
import io
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, seed_path
from tests.web.conftest import LINEAGE_CSV, UNITS_CSV, report_text

SEED_UNITS = UNITS_CSV


def baocao(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    full.update({"BAOCAO_HOME": str(home), **(env or {})})
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full, timeout=600, check=False)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    (tmp_path / "units.csv").write_text(UNITS_CSV, encoding="utf-8")
    (tmp_path / "lineage.csv").write_text(LINEAGE_CSV, encoding="utf-8")
    assert baocao(h, "init", "--no-provinces").returncode == 0
    assert baocao(h, "units", "import", str(tmp_path / "units.csv")).returncode == 0
    assert baocao(h, "units", "lineage", str(tmp_path / "lineage.csv")).returncode == 0
    return h


def test_init_twice_is_idempotent(tmp_path: Path) -> None:
    first = baocao(tmp_path, "init")
    assert first.returncode == 0, first.stderr
    assert "Đã áp dụng" in first.stdout and "thêm 71" in first.stdout
    assert (tmp_path / "baocao.sqlite3").exists() and (tmp_path / "files").is_dir()
    second = baocao(tmp_path, "init")
    assert second.returncode == 0
    assert "phiên bản mới nhất" in second.stdout and "thêm 0" in second.stdout


def test_units_import_export_and_bad_csv(home: Path, tmp_path: Path) -> None:
    out = baocao(home, "units", "export")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {r["code"] for r in rows} == {"20", "178", "06040", "06058", "06041", "06042", "04", "04101"}
    lineage = baocao(home, "units", "export", "--lineage").stdout
    assert "06041,06040,1,merge,2025-07-01" in lineage
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,kind,parent_code,valid_from,valid_to\n9,X,xã,20,01/07/2025,\n", encoding="utf-8")
    proc = baocao(home, "units", "import", str(bad))
    assert proc.returncode == 2 and "Dòng 2" in one_error_line(proc)
    missing = baocao(home, "units", "import", str(tmp_path / "khong-co.csv"))
    assert missing.returncode == 2 and "Không tìm thấy tệp" in one_error_line(missing)


def test_user_add_prints_the_token_last(home: Path) -> None:
    proc = baocao(home, "user", "add", "lan", "--unit", "06041", "--role", "editor")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[-1].startswith("bc_") and len(lines[-1]) > 30 and " " not in lines[-1]
    assert "Mật khẩu" in proc.stdout and "biên tập" in proc.stdout
    bad = baocao(home, "user", "add", "lan", "--unit", "99999", "--role", "editor")
    assert bad.returncode == 2 and "99999" in one_error_line(bad)
    wrong_role = baocao(home, "user", "add", "lan", "--unit", "06041", "--role", "boss")
    assert wrong_role.returncode == 2


def test_ingest_a_batch_with_a_bad_file_stores_the_others(home: Path, tmp_path: Path) -> None:
    files = []
    for month in (9, 10, 11):
        f = tmp_path / f"tam-thanh-{month}.txt"
        f.write_text(report_text(title=f"Tình hình kinh tế - xã hội tháng {month} năm 2025",
                                 body=f"Tháng {month}/2025, tiếp nhận {100 + month} văn bản đến."), encoding="utf-8")
        files.append(f)
    bad = tmp_path / "hong.txt"
    bad.write_bytes(bytes(range(256)) * 20)
    proc = baocao(home, "ingest", str(files[0]), str(bad), str(files[1]), str(files[2]))
    assert proc.returncode == 2
    line = one_error_line(proc)
    assert line.startswith("✗") and "hong.txt" in line
    assert proc.stdout.count("✓") == 3 and "3/4 tệp đã lưu, 1 tệp lỗi" in proc.stdout
    assert "phường Tam Thanh (06041), Tháng 11/2025" in proc.stdout


def test_ingest_the_same_file_twice_changes_nothing(home: Path, tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text(report_text(), encoding="utf-8")
    assert baocao(home, "ingest", str(f)).returncode == 0
    again = baocao(home, "ingest", str(f), "--json")
    assert again.returncode == 0
    assert '"created": false' in again.stdout and '"stored": 1' in again.stdout


def test_ingest_explains_what_it_cannot_infer(home: Path, tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text(report_text(unit_line="XÃ KHÔNG TÊN"), encoding="utf-8")
    proc = baocao(home, "ingest", str(f))
    assert proc.returncode == 2 and "--unit" in one_error_line(proc)
    ok = baocao(home, "ingest", str(f), "--unit", "06042", "--period", "2025-11")
    assert ok.returncode == 0 and "phường Đông Kinh" in ok.stdout
    bad_period = baocao(home, "ingest", str(f), "--unit", "06042", "--period", "11-2025")
    assert bad_period.returncode == 2 and "không đúng dạng" in one_error_line(bad_period)


def test_values_as_csv(home: Path, tmp_path: Path) -> None:
    for month, n in ((10, 210), (11, 220)):
        f = tmp_path / f"r{month}.txt"
        f.write_text(report_text(title=f"Tình hình kinh tế - xã hội tháng {month} năm 2025",
                                 body=f"Trong tháng, tiếp nhận {n} văn bản đến và phát hành 90 văn bản đi."),
                     encoding="utf-8")
        assert baocao(home, "ingest", str(f), "--no-checks").returncode == 0
    proc = baocao(home, "values", "docs.incoming", "--unit", "06041", "--from", "2025-10", "--to", "2025-11", "--csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [(r["period"], r["value"], r["unit_code"]) for r in rows] == [("2025-10", "210", "06041"),
                                                                        ("2025-11", "220", "06041")]
    human = baocao(home, "values", "docs.incoming", "--unit", "06041")
    assert "Văn bản đến" in human.stdout and "220 văn bản" in human.stdout
    unknown = baocao(home, "values", "khong.co")
    assert unknown.returncode == 2 and "khong.co" in one_error_line(unknown)


@pytest.mark.seeds
def test_ingest_the_real_seeds(home: Path) -> None:
    seeds = [seed_path(p) for p in ("000", "001", "002", "004")]
    proc = baocao(home, "ingest", *map(str, seeds), "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import json

    result = json.loads(proc.stdout)
    placed = {Path(r["file"]).name[:3]: (r["unit"], r["period"]) for r in result["files"]}
    assert placed == {"000": ("178", "2025-06"), "001": ("06041", "2025-H1"), "002": ("178", "2025-05"),
                      "004": ("20", "2025-08")}
    assert all(r["facts"] > 0 for r in result["files"] if not Path(r["file"]).name.startswith("002"))


def test_synth_and_a_small_demo(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    proc = baocao(tmp_path / "h1", "synth", "--units", "3", "--months", "2", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / "units.csv").exists() and (out / "lineage.csv").exists() and len(list(out.glob("*.txt"))) > 6
    demo = baocao(tmp_path / "h2", "demo", "--units", "4", "--months", "8", "--no-serve")
    assert demo.returncode == 0, demo.stderr
    assert "quantri" in demo.stdout and "phuong" in demo.stdout and "baocao-demo" in demo.stdout
    with sqlite3.connect(tmp_path / "h2" / "baocao.sqlite3") as db:  # the demo province's own deadline
        assert db.execute("SELECT day FROM periods_duerule WHERE level = 'commune' AND scope_id IS NOT NULL"
                          ).fetchall() == [(25,)]
    again = baocao(tmp_path / "h2", "demo", "--units", "4", "--months", "8", "--no-serve")
    assert again.returncode == 0 and "dùng lại dữ liệu" in again.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_the_page_and_the_api(home: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["BAOCAO_HOME"] = str(home)
    proc = subprocess.Popen([sys.executable, "-m", "baocao", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)  # the web app (or its login)
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.3)
        assert home.status == 200
        admin = urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/", timeout=5).read().decode()
        assert 'lang="vi"' in admin and "Đăng nhập" in admin
        doc = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=5).read()
        assert b'"openapi"' in doc
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/reports", timeout=5)
            raise AssertionError("the API answered without a token")
        except urllib.error.HTTPError as err:
            assert err.code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=30)
