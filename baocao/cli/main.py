"""The `baocao` command: one CLI with subcommands, a thin wrapper over the library."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from baocao.errors import InputError

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3

Command = Callable[[argparse.Namespace], int]
_REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = []  # type: ignore[type-arg]


def registrar(fn: Callable[[argparse._SubParsersAction], None]) -> Callable[[argparse._SubParsersAction], None]:  # type: ignore[type-arg]
    _REGISTRARS.append(fn)
    return fn


def build_parser() -> argparse.ArgumentParser:
    from baocao.cli import documents  # noqa: F401  (registers its commands)

    for module in ("store", "demo", "tasks"):
        try:
            __import__(f"baocao.cli.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"baocao.cli.{module}":
                raise
    parser = argparse.ArgumentParser(
        prog="baocao",
        description="baocao: đọc, trích xuất, kiểm tra và lưu trữ báo cáo kinh tế - xã hội của UBND các cấp.",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for register in _REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return handler(args)
    except InputError as exc:
        print(f"baocao: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("baocao: đã dừng.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # one line for people; the traceback on request
        if os.environ.get("BAOCAO_DEBUG"):
            raise
        print(f"baocao: lỗi nội bộ ({type(exc).__name__}: {exc}). Đặt BAOCAO_DEBUG=1 để xem chi tiết.", file=sys.stderr)
        return EXIT_INTERNAL


def run() -> None:
    sys.exit(main())
