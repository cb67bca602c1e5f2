"""Settings: typed environment helpers, DATABASE_URL, and every setting documented in docs/deploy.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.web.settings import SETTINGS_DOC, database_from_url, env_bool, env_int, env_path

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_documented_in_deploy_md() -> None:
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    missing = [name for name in SETTINGS_DOC if f"`{name}`" not in text]
    assert not missing, f"undocumented in docs/deploy.md: {missing}"


def test_every_setting_read_from_the_environment_is_listed() -> None:
    import re

    source = (ROOT / "baocao" / "web" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r"""env_\w+\(\s*"([A-Z_]+)\"""", source))
    read |= set(re.findall(r"""os\.environ\.get\(\s*"([A-Z_]+)\"""", source))
    assert read <= set(SETTINGS_DOC) | {"XDG_DATA_HOME"}, read - set(SETTINGS_DOC)


def test_env_helpers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "12")
    monkeypatch.setenv("X_PATH", str(tmp_path))
    assert env_bool("X_BOOL") and not env_bool("X_NONE") and env_bool("X_NONE", True)
    assert env_int("X_INT", 1) == 12 and env_int("X_NONE", 7) == 7
    assert env_path("X_PATH", Path("/nope")) == tmp_path
    monkeypatch.setenv("X_INT", "mười")
    with pytest.raises(ValueError, match="X_INT"):
        env_int("X_INT", 1)


def test_database_url_is_read_for_postgresql() -> None:
    db = database_from_url("postgresql://bao%40cao:m%E1%BA%ADt@db.local:6543/kho?sslmode=require")
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql", "kho", "bao@cao", "mật", "db.local", "6543")
    assert db["OPTIONS"] == {"sslmode": "require"}
    with pytest.raises(ValueError, match="postgresql://"):
        database_from_url("mysql://x@y/z")


def test_web_settings_are_vietnamese_first_and_safe(settings: object) -> None:
    assert settings.LANGUAGE_CODE == "vi" and settings.TIME_ZONE == "Asia/Ho_Chi_Minh"  # type: ignore[attr-defined]
    assert ("en", "English") in settings.LANGUAGES and settings.USE_I18N  # type: ignore[attr-defined]
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE  # type: ignore[attr-defined]
    assert settings.BAOCAO_MAX_UPLOAD_BYTES == 50 * 1024 * 1024  # type: ignore[attr-defined]
