"""The stages of baocao, in order: read → parse → extract → check.

Each stage is a package of small named steps; stages hand each other frozen
dataclasses. The CLI and the web app both call `analyze()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from baocao.check import check
from baocao.check.model import Finding
from baocao.config import Config
from baocao.extract import extract
from baocao.extract.model import Fact
from baocao.parse import parse
from baocao.parse.model import Document
from baocao.read import read_data, source_info
from baocao.read.model import RawDocument


@dataclass(frozen=True)
class Analysis:
    """Everything the core learns from one report."""

    document: Document
    raw: RawDocument
    facts: tuple[Fact, ...] = field(default=())
    findings: tuple[Finding, ...] = field(default=())


def _read(data: bytes, name: str, config: Config) -> RawDocument:
    return read_data(data, name, config)


STAGES: tuple[tuple[str, Callable[..., object]], ...] = (
    ("read", _read),
    ("parse", parse),
    ("extract", extract),
    ("check", check),
)


def analyze_bytes(data: bytes, name: str, config: Config, upto: str = "check",
                  previous: Iterable[Analysis] = ()) -> Analysis:
    """Run the stages in order, up to and including `upto`; `previous` are earlier reports."""
    raw = _read(data, name, config)
    document = parse(raw, source_info(Path(name), data, raw))
    if upto == "parse":
        return Analysis(document=document, raw=raw)
    facts = extract(document, config.data_dir)
    if upto == "extract":
        return Analysis(document=document, raw=raw, facts=facts)
    findings = check(document, facts, [(p.document, p.facts) for p in previous])
    return Analysis(document=document, raw=raw, facts=facts, findings=findings)


def analyze(path: Path, config: Config, upto: str = "check", previous: Iterable[Analysis] = ()) -> Analysis:
    from baocao.read.limits import read_bytes

    data = read_bytes(path, config)
    return analyze_bytes(data, str(path), config, upto, previous)
