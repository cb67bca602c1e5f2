"""The web tests' world, built once against the real database (SQLite, or PostgreSQL when
DATABASE_URL is set):

- tỉnh Lạng Sơn (20) with, until 2025-06-30, thành phố Lạng Sơn (178) and under it phường
  Tam Thanh (06040) and xã Hoàng Đồng (06058); since 2025-07-01 phường Tam Thanh (06041),
  formed by merging both (lineage share 1 each), and phường Đông Kinh (06042), throughout;
- tỉnh Cao Bằng (04) with xã Hưng Đạo (04101), another province;
- alice, editor of the new ward Tam Thanh; bob, reviewer of the province; victor, viewer of
  the province; charlie, an outsider (editor in Cao Bằng). Their API tokens are in `TOKENS`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

_HOME = tempfile.mkdtemp(prefix="baocao-test-home-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["BAOCAO_HOME"] = _HOME  # never the user's data
os.environ.pop("BAOCAO_STATIC_ROOT", None)
os.makedirs(os.path.join(_HOME, "static"), exist_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baocao.web.settings")

import django  # noqa: E402
from django.apps import apps  # noqa: E402

if not apps.ready:
    django.setup()

from baocao.check.model import Evidence, Finding  # noqa: E402
from baocao.config import Config  # noqa: E402
from baocao.extract.model import Fact, Qualifiers, Relation  # noqa: E402
from baocao.pipeline import analyze_bytes  # noqa: E402

UNITS_CSV = """code,name,kind,parent_code,valid_from,valid_to
20,Lạng Sơn,tỉnh,,,
178,Lạng Sơn,thành phố,20,,2025-06-30
06040,Tam Thanh,phường,178,,2025-06-30
06058,Hoàng Đồng,xã,178,,2025-06-30
06041,Tam Thanh,phường,20,2025-07-01,
06042,Đông Kinh,phường,20,,
04,Cao Bằng,tỉnh,,,
04101,Hưng Đạo,xã,04,,
"""
LINEAGE_CSV = """unit_code,predecessor_code,share,kind,date
06041,06040,1,merge,2025-07-01
06041,06058,1,merge,2025-07-01
"""
TOKENS: dict[str, str] = {}
_counter = [0]


def build_world() -> None:
    from baocao.web.accounts.services import add_user
    from baocao.web.indicators.catalogue import load_catalogue
    from baocao.web.units.services import import_lineage, import_units, resolve

    load_catalogue()
    import_units(UNITS_CSV, actor="test")
    import_lineage(LINEAGE_CSV, actor="test")
    for name, code, role in (("alice", "06041", "editor"), ("bob", "20", "reviewer"), ("victor", "20", "viewer"),
                             ("charlie", "04", "editor")):
        TOKENS[name] = add_user(name, resolve(code), role, password="mat-khau-thu", actor="test").token


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        build_world()


@pytest.fixture(autouse=True)
def baocao_home(settings: Any, tmp_path: Path) -> Path:
    """Each test keeps its original files in its own data directory."""
    settings.BAOCAO_HOME = tmp_path
    (tmp_path / "files").mkdir()
    return tmp_path


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from baocao.web.units.models import Unit

    User = get_user_model()
    units = {u.code + ("" if u.valid_to is None else "-old"): u for u in Unit.objects.all()}
    users = {u.username: u for u in User.objects.filter(username__in=TOKENS)}
    return {"units": units, "users": users, "tokens": TOKENS}


def unit(code: str) -> Any:
    from baocao.web.units.services import resolve

    return resolve(code)


def user(name: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def report_text(title: str = "Tình hình kinh tế - xã hội tháng 11 năm 2025", unit_line: str = "PHƯỜNG TAM THANH",
                body: str = "Tiếp nhận 120 văn bản đến.") -> str:
    """A small report as a text layer: header with the issuing body and the motto, title, one section."""
    _counter[0] += 1
    return (f"ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
            f"{unit_line}                        Độc lập - Tự do - Hạnh phúc\n\n"
            f"Số: {_counter[0]}/BC-UBND\n\nBÁO CÁO\n\n{title}\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\n{body}\n\n"
            f"II. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI\n\n1. Tiếp tục thực hiện các nhiệm vụ.\n")


def fact(fid: str, indicator: str | None, value: float, *, dimension: str = "count", unit: str = "văn bản",
         scope: str = "period", estimate: bool = False, confidence: float = 0.9, footnote: int | None = None,
         role: str | None = None, relations: tuple[Relation, ...] = (), as_of: str | None = None,
         start: int = 0) -> Fact:
    raw = f"{value:g}"
    return Fact(id=fid, value=value, dimension=dimension, unit=unit, raw=raw, sentence=f"Số liệu {raw} {unit}.",
                paragraph="p1", footnote=footnote, start=start, end=start + len(raw),
                qualifiers=Qualifiers(scope=scope, estimate=estimate, as_of=as_of), relations=relations,
                indicator=indicator, indicator_confidence=confidence, role=role)


def finding(code: str = "sum_mismatch", severity: str = "error") -> Finding:
    return Finding(code=code, severity=severity, message="Các phần không cộng đúng tổng.",
                   evidence=(Evidence(sentence="Số liệu 120 văn bản.", paragraph="p1", start=0, end=3, raw="120"),),
                   expected=120.0, actual=121.0, rule="sums")


def analysis_for(text: str, facts: tuple[Fact, ...] = (), findings: tuple[Finding, ...] = ()) -> tuple[bytes, Any]:
    data = text.encode("utf-8")
    analysis = analyze_bytes(data, "bao-cao.txt", Config())
    return data, replace(analysis, facts=facts, findings=findings)


def store(unit_code: str, period: str, facts: tuple[Fact, ...] = (), findings: tuple[Finding, ...] = (),
          text: str | None = None, status: str = "submitted", **kw: Any) -> Any:
    """Ingest a report with hand-made facts (the extractor is the core's business, not the store's)."""
    from baocao.web.reports.ingest import ingest

    data, analysis = analysis_for(text or report_text(), facts, findings)
    return ingest(data, f"{unit_code}_{period}.txt", unit_code=unit_code, period_code=period, analysis=analysis,
                  status=status, **kw)


@pytest.fixture
def api(db: Any) -> Iterator[Any]:
    """A Django test client that speaks to /api/v1/ as one of the world's users."""
    from django.test import Client

    class Api:
        def __init__(self) -> None:
            self.client = Client()

        def headers(self, who: str | None) -> dict[str, str]:
            return {"HTTP_AUTHORIZATION": f"Bearer {TOKENS[who]}"} if who else {}

        def get(self, path: str, who: str | None = "bob", **params: Any) -> Any:
            return self.client.get(f"/api/v1{path}", params, **self.headers(who))

        def post(self, path: str, who: str | None = "bob", data: Any = None, json: Any = None) -> Any:
            if json is not None:
                return self.client.post(f"/api/v1{path}", json, content_type="application/json",
                                        **self.headers(who))
            return self.client.post(f"/api/v1{path}", data or {}, **self.headers(who))

        def patch(self, path: str, who: str | None = "bob", json: Any = None) -> Any:
            return self.client.patch(f"/api/v1{path}", json or {}, content_type="application/json",
                                     **self.headers(who))

    yield Api()
