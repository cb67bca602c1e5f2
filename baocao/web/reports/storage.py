"""Original files, content-addressed: BAOCAO_HOME/files/<sha256>, written once, never changed."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings


def files_dir() -> Path:
    return Path(settings.BAOCAO_HOME) / "files"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_for(sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("not a sha256 hex digest")
    return files_dir() / sha256


def store(data: bytes) -> str:
    """Keep `data` under its hash (atomically; a file already there is left alone)."""
    digest = sha256_of(data)
    target = path_for(digest)
    if target.exists() and target.stat().st_size == len(data):
        return digest
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return digest


def load(sha256: str) -> bytes:
    return path_for(sha256).read_bytes()
