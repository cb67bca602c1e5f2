"""Start Django from the CLI (or a script): settings, app registry, migrations."""

from __future__ import annotations

import os
from pathlib import Path

SETTINGS_MODULE = "baocao.web.settings"


def setup_django(home: Path | None = None) -> None:
    """Configure and set up Django once; `home` overrides BAOCAO_HOME before settings load."""
    if home is not None:
        os.environ["BAOCAO_HOME"] = str(home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def data_home() -> Path:
    from django.conf import settings

    return Path(settings.BAOCAO_HOME)


def ensure_home() -> Path:
    """Create the data directory and its `files/` folder (SQLite needs the folder to exist)."""
    from django.conf import settings

    home = Path(settings.BAOCAO_HOME)
    (home / "files").mkdir(parents=True, exist_ok=True)
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # whitenoise looks there
    return home


def pending_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _ in plan]


def migrate(verbosity: int = 0) -> list[str]:
    """Apply pending migrations; return what was applied (empty when up to date)."""
    from django.core.management import call_command

    ensure_home()
    pending = pending_migrations()
    if pending:
        call_command("migrate", interactive=False, verbosity=verbosity)
    return pending


def database_label() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite {db['NAME']}"
    return f"PostgreSQL {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"
