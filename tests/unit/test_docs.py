"""Documentation cannot fall behind: every check rule and every CLI command is documented."""

from __future__ import annotations

import argparse

from baocao.check import CROSS_RULES, RULES
from baocao.cli.main import build_parser
from tests.conftest import ROOT


def test_every_check_rule_is_documented() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for name, _ in (*RULES, *CROSS_RULES):
        assert f"`{name}`" in text, name


def test_every_cli_command_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for command in sub.choices:
        assert f"baocao {command}" in text, command
