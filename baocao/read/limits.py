"""Guards every reader applies before touching a file."""

from __future__ import annotations

from pathlib import Path

from baocao.config import Config
from baocao.errors import InputError


def read_bytes(path: Path, config: Config) -> bytes:
    """Read a file, refusing what cannot be a report before any parsing starts."""
    if not path.exists():
        raise InputError(f"Không tìm thấy tệp: {path}", "not_found")
    if path.is_dir():
        raise InputError(f"Đây là thư mục, không phải tệp báo cáo: {path}", "is_directory")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"Tệp rỗng: {path.name}", "empty")
    if size > config.max_bytes:
        raise InputError(
            f"Tệp {path.name} quá lớn ({size / 1048576:.1f} MB); giới hạn là "
            f"{config.max_bytes / 1048576:.0f} MB.",
            "too_large",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path.name}: {exc.strerror}", "unreadable") from exc
