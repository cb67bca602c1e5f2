"""The compiled core: the read-parse-extract hot path built with mypyc, used only while fresh.

`./dev setup` (`main(["build"])`) compiles MODULES (the same Python, to C extensions placed
next to their sources) and records a digest of their sources in `native.json`. Python
imports an extension before the source of the same name, so a build that no longer matches
its sources would run old code: `use_fresh_build` (run when `baocao` is imported) checks the
digest and, when any source changed since the build or BAOCAO_PURE_PYTHON is set, makes
every module of the build load from its source instead. All or none: compiled modules call
each other directly, so a half-compiled core could still run a stale function.

Nothing depends on the build: without a C compiler the core runs as plain Python, with the
same results (tests/unit/test_native.py), about a fifth slower.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
MANIFEST = PACKAGE / "native.json"
# the hot path of `extract(parse(read(...)))`; the others are not worth a build
MODULES = (
    "baocao.extract",
    "baocao.extract.catalogue",
    "baocao.extract.composition",
    "baocao.extract.mapping",
    "baocao.extract.context",
    "baocao.extract.nonfacts",
    "baocao.extract.numbers",
    "baocao.extract.parts",
    "baocao.extract.phrases",
    "baocao.extract.relations",
    "baocao.extract.scan",
    "baocao.extract.sentences",
    "baocao.parse.blocks",
    "baocao.parse.closing",
    "baocao.parse.footnotes",
    "baocao.parse.headings",
    "baocao.parse.lines",
    "baocao.parse.markers",
    "baocao.parse.meta",
    "baocao.parse.tree",
    "baocao.text.dates",
    "baocao.text.starts",
)
PURE_ENV = "BAOCAO_PURE_PYTHON"


def source_of(module: str) -> Path:
    rel = Path(*module.split(".")[1:])
    package_init = PACKAGE / rel / "__init__.py"
    return package_init if package_init.exists() else (PACKAGE / rel).with_suffix(".py")


def digest() -> str:
    """A digest of the sources of MODULES and of the Python that runs them."""
    h = hashlib.sha256(sys.implementation.cache_tag.encode())
    for module in MODULES:
        h.update(module.encode())
        h.update(source_of(module).read_bytes())
    return h.hexdigest()


def _manifest() -> dict[str, str]:
    try:
        data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _shared_libraries() -> list[Path]:
    """The shared library mypyc puts beside the package (the compiled packages find their
    directories from where it is); a build has one."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return [p for p in PACKAGE.parent.glob("*__mypyc.*") if p.name.endswith(suffixes)]


def _extensions() -> list[Path]:
    """The whole build: the extensions in the package and the shared library beside it."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return [p for p in PACKAGE.rglob("*") if p.name.endswith(suffixes)] + _shared_libraries()


class _Sources(importlib.abc.MetaPathFinder):
    """Loads the modules of a build from their sources, or the build's shared library (a
    top-level module for mypyc) from beside the package, wherever the package is imported from."""

    def __init__(self, native: bool, shared: str) -> None:
        self.native = native
        self.shared = shared

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None,
                  ) -> importlib.machinery.ModuleSpec | None:
        if fullname == self.shared and self.native:
            library = next((p for p in _shared_libraries() if p.name.startswith(f"{fullname}.")), None)
            return importlib.util.spec_from_file_location(fullname, library) if library else None
        if fullname in MODULES and not self.native:
            source = source_of(fullname)
            locations = [str(source.parent)] if source.name == "__init__.py" else None
            return importlib.util.spec_from_file_location(fullname, source, submodule_search_locations=locations)
        return None


def use_fresh_build() -> bool:
    """Decide, once per process, whether the compiled modules are used; True when they are."""
    if any(isinstance(f, _Sources) for f in sys.meta_path):
        return any(isinstance(f, _Sources) and f.native for f in sys.meta_path)
    manifest = _manifest()
    # no manifest: never built, or a build without its record; the sources either way (no
    # directory walk at start-up to tell the two apart)
    native = bool(manifest) and not os.environ.get(PURE_ENV) and manifest.get("digest") == digest()
    sys.meta_path.insert(0, _Sources(native, manifest.get("shared", "")))
    return native


def clean() -> None:
    for path in _extensions():
        path.unlink()
    MANIFEST.unlink(missing_ok=True)


def build() -> int:
    """Compile MODULES with mypyc in place; 0 when done, 1 (with a one-line reason) when not."""
    if _manifest().get("digest") == digest() and _extensions():
        print("baocao native: bản biên dịch đã khớp mã nguồn")
        return 0
    if shutil.which(os.environ.get("CC", "cc")) is None:
        print("baocao native: không có trình biên dịch C; dùng Python thuần", file=sys.stderr)
        return 1
    clean()
    root = PACKAGE.parent
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "mypyc", *(str(source_of(m).relative_to(root)) for m in MODULES)]
        done = subprocess.run(cmd, cwd=root, env={**os.environ, "MYPY_CACHE_DIR": str(Path(tmp) / "cache")},
                              capture_output=True, text=True, check=False)
        shutil.rmtree(root / "build", ignore_errors=True)
    shared = _shared_libraries()
    if done.returncode != 0 or len(shared) != 1:
        clean()
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
        print(f"baocao native: biên dịch không thành công ({last[0]}); dùng Python thuần", file=sys.stderr)
        return 1
    MANIFEST.write_text(json.dumps({"digest": digest(), "shared": shared[0].name.split(".")[0]}), encoding="utf-8")
    print(f"baocao native: đã biên dịch {len(MODULES)} mô-đun")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["build"]:
        return build()
    if args == ["clean"]:
        clean()
        return 0
    if args == ["status"]:
        print("biên dịch" if use_fresh_build() else "Python thuần")
        return 0
    print("cách dùng: main(['build' | 'clean' | 'status'])", file=sys.stderr)
    return 2

