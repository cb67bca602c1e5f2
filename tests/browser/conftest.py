"""Browser tests: the real server (`baocao serve`) on a free port, over a small demo province in a
data directory of its own, driven by Debian's chromium through Playwright.

Screenshots at 1366×768 go to test-artifacts/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("BAOCAO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DEMO_PASSWORD = "baocao-demo"
LANG_SON = ("lson", "mat-khau-lang-son")  # reviewer of tỉnh Lạng Sơn (code 20), for the seed report


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(BAOCAO_HOME=str(home), PYTHONUNBUFFERED="1")
    return env


def _baocao(home: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "baocao", *args], cwd=ROOT, env=_env(home), capture_output=True,
                          text=True, timeout=600, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"baocao {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """A demo province (5 wards, 20 months from January 2024: the merger of July 2025 included) served by `baocao serve` on a free port."""
    if not CHROMIUM.exists():
        pytest.skip(f"CHROMIUM MISSING: {CHROMIUM} not found (apt-get install chromium); browser tests skipped")
    home = Path(tempfile.mkdtemp(prefix="baocao-browser-"))
    try:
        _baocao(home, "demo", "--no-serve", "--units", "5", "--months", "20")
        _baocao(home, "user", "add", LANG_SON[0], "--unit", "20", "--role", "reviewer", "--password", LANG_SON[1])
        port = _free_port()
        log = (home / "serve.log").open("w")
        proc = subprocess.Popen([sys.executable, "-m", "baocao", "serve", "--port", str(port)], cwd=ROOT,
                                env=_env(home), stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/dang-nhap/", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("baocao serve did not start:\n" + (home / "serve.log").read_text()) from None
                time.sleep(0.3)
        try:
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            log.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Session:
    """One person in the browser: a page of 1366×768, logged in, whose problems fail the test."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)

    def login(self, name: str, password: str = DEMO_PASSWORD) -> Session:
        self.go("/dang-nhap/")
        self.page.fill("#id_username", name)
        self.page.fill("#id_password", password)
        with self.page.expect_navigation():
            self.page.click("form button[type=submit]")
        self.page.wait_for_load_state("networkidle")
        assert "/dang-nhap/" not in self.page.url, "login failed"
        return self

    def go(self, path: str) -> Any:
        resp = self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return resp

    def shot(self, name: str, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def session(chromium: Any, server: str) -> Iterator[Session]:
    s = Session(chromium, server)
    yield s
    problems = list(s.problems)
    s.context.close()
    assert problems == [], problems
