"""The compiled core (baocao/native.py): used only while it matches its sources, and the same
facts as plain Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from baocao import native

ROOT = Path(__file__).resolve().parents[2]
REPORT = """ỦY BAN NHÂN DÂN XÃ AN BÌNH
Số: 12/BC-UBND
An Bình, ngày 25 tháng 10 năm 2025
BÁO CÁO
Tình hình kinh tế - xã hội tháng 10 năm 2025
I. KẾT QUẢ
1. Kinh tế
Tổng thu ngân sách trên địa bàn ước đạt 1.809,6/4.930 triệu đồng (36,7%), tăng 16,66% so với cùng kỳ.
Diện tích lúa thu hoạch 412,6 ha, năng suất 52,8 tạ/ha, sản lượng ước 2.178,5 tấn.
2. Cải cách hành chính
Tiếp nhận 1.234 hồ sơ, trong đó: trực tuyến 1.100 hồ sơ; giải quyết đúng hạn 1.200 hồ sơ, quá hạn 5 hồ sơ.
"""


def _run(code: str, pure: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    if pure:
        env[native.PURE_ENV] = "1"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=120)


def test_sources_finder_loads_every_module_of_a_stale_build_from_its_source() -> None:
    finder = native._Sources(native=False, shared="abc__mypyc")
    spec = finder.find_spec("baocao.extract.scan", None)
    assert spec is not None and spec.origin == str(ROOT / "baocao" / "extract" / "scan.py")
    package = finder.find_spec("baocao.extract", None)
    assert package is not None and package.origin == str(ROOT / "baocao" / "extract" / "__init__.py")
    assert package.submodule_search_locations == [str(ROOT / "baocao" / "extract")]
    assert finder.find_spec("baocao.extract.lexicon", None) is None  # not in the build: the usual import
    assert finder.find_spec("abc__mypyc", None) is None  # a stale build's library is never loaded


def test_digest_follows_every_source_of_the_build() -> None:
    assert all(native.source_of(m).is_file() for m in native.MODULES)
    assert len(native.digest()) == 64


def test_compiled_modules_hold_no_cached_property() -> None:
    # mypyc compiles a cached_property into a property computed on every use (5% of extraction)
    offenders = [m for m in native.MODULES if "cached_property" in native.source_of(m).read_text(encoding="utf-8")]
    assert offenders == []


def test_pure_python_when_asked() -> None:
    out = _run("import sys, baocao.extract, baocao.native as n; "
               "print(sys.modules['baocao.extract.scan'].__file__, n.use_fresh_build())", pure=True)
    path, compiled = out.stdout.split()
    assert path.endswith("scan.py") and compiled == "False"


def test_compiled_and_pure_cores_give_the_same_facts() -> None:
    code = ("import json, sys; from baocao.config import Config; from baocao.read import read_data; "
            "from baocao.parse import parse; from baocao.extract import extract; import baocao.native as n; "
            f"doc = parse(read_data({REPORT!r}.encode(), 'r.txt', Config())); "
            "print(json.dumps({'compiled': n.use_fresh_build(), 'facts': [f.to_dict() for f in extract(doc)]}))")
    compiled = json.loads(_run(code, pure=False).stdout)
    if not compiled["compiled"]:
        pytest.skip("COMPILED CORE NOT BUILT (./dev setup builds it when a C compiler is present): "
                    "only plain Python was tested")
    pure = json.loads(_run(code, pure=True).stdout)
    assert not pure["compiled"]
    assert len(pure["facts"]) >= 10
    assert compiled["facts"] == pure["facts"]
