"""Settings of the baocao web part: one module, every option read from the environment.

Check out, run, it works: with no environment at all, the data lives in SQLite under
`BAOCAO_HOME` (default `~/.local/share/baocao`, or `$XDG_DATA_HOME/baocao`). Set
`DATABASE_URL=postgresql://user:password@host:5432/name` for PostgreSQL (psycopg 3).
Every variable is documented in docs/deploy.md; `SETTINGS_DOC` below is the list a test
compares with that file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return raw.strip().lower() in ("1", "true", "yes", "on", "có")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"Biến môi trường {name}={raw!r} phải là số nguyên.") from exc


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).expanduser() if raw else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def default_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "baocao"


def database_from_url(url: str) -> dict[str, object]:
    """A Django DATABASES entry from `postgresql://user:pass@host:port/name?sslmode=…`."""
    parsed = urlparse(url)
    if parsed.scheme not in ("postgres", "postgresql", "pgsql"):
        raise ValueError(f"DATABASE_URL phải bắt đầu bằng postgresql:// (nhận được «{parsed.scheme}://»).")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "OPTIONS": dict(parse_qsl(parsed.query)),
        "CONN_MAX_AGE": env_int("BAOCAO_DB_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
    }


def _secret_key(home: Path) -> str:
    """`BAOCAO_SECRET_KEY`, or a key generated once and kept in BAOCAO_HOME/secret_key."""
    key = os.environ.get("BAOCAO_SECRET_KEY")
    if key:
        return key
    path = home / "secret_key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        pass  # read-only home: a key per process still works for the API (tokens are not signed)
    return key


# name → (default, help); the documented settings (docs/deploy.md lists each of them).
SETTINGS_DOC: dict[str, tuple[str, str]] = {
    "BAOCAO_HOME": ("~/.local/share/baocao", "data directory: SQLite database, original files, secret key"),
    "DATABASE_URL": ("", "postgresql://user:password@host:5432/name — use PostgreSQL instead of SQLite"),
    "BAOCAO_DB_CONN_MAX_AGE": ("60", "seconds a PostgreSQL connection is kept open"),
    "BAOCAO_SECRET_KEY": ("generated", "Django secret key; generated once into BAOCAO_HOME/secret_key when unset"),
    "BAOCAO_WEB_DEBUG": ("false", "Django debug pages (never in production)"),
    "BAOCAO_ALLOWED_HOSTS": ("127.0.0.1,localhost", "host names the server answers to, comma separated"),
    "BAOCAO_CSRF_TRUSTED_ORIGINS": ("", "https://… origins allowed to post forms, comma separated"),
    "BAOCAO_SECURE": ("false", "behind HTTPS: secure cookies, HSTS, redirect to https"),
    "BAOCAO_MAX_UPLOAD_MB": ("50", "largest report file accepted (MB), for the web, the API and ingest"),
    "BAOCAO_STATIC_ROOT": ("BAOCAO_HOME/static", "where `collectstatic` puts static files"),
    "BAOCAO_STATIC_MANIFEST": ("false", "serve collected, hashed static files (run collectstatic first)"),
    "BAOCAO_ACCEPT_CONFIDENCE": ("0.5", "facts whose indicator confidence reaches this are accepted automatically"),
    "BAOCAO_OUTLIER_THRESHOLD": ("3.5", "modified Z-score above which a value is flagged as an outlier"),
    "BAOCAO_LOG_LEVEL": ("WARNING", "log level of the baocao loggers"),
}

BASE_DIR = Path(__file__).resolve().parent
BAOCAO_HOME = env_path("BAOCAO_HOME", default_home())
BAOCAO_FILES = BAOCAO_HOME / "files"

SECRET_KEY = _secret_key(BAOCAO_HOME)
DEBUG = env_bool("BAOCAO_WEB_DEBUG", False)
ALLOWED_HOSTS = env_list("BAOCAO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("BAOCAO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "baocao.web.units",
    "baocao.web.periods",
    "baocao.web.accounts",
    "baocao.web.audit",
    "baocao.web.reports",
    "baocao.web.indicators",
    "baocao.web.findings",
    "baocao.web.tasks",
    "baocao.web.drafting",
    "baocao.web.ui",
    "baocao.web.search",
    "baocao.web.dashboards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "baocao.web.ui.middleware.DeniedMiddleware",
]

ROOT_URLCONF = "baocao.web.urls"
WSGI_APPLICATION = "baocao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "baocao.web.ui.context.navigation",
            ],
        },
    },
]

_DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if _DATABASE_URL:
    DATABASES = {"default": database_from_url(_DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BAOCAO_HOME / "baocao.sqlite3",
            "OPTIONS": {
                # WAL lets the web server read while a batch is ingested; NORMAL sync is safe with WAL.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
]
LOGIN_URL = "/dang-nhap/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/dang-nhap/"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_path("BAOCAO_STATIC_ROOT", BAOCAO_HOME / "static")
_MANIFEST = env_bool("BAOCAO_STATIC_MANIFEST", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
# Without collectstatic (the default, and in tests) whitenoise serves straight from the apps.
WHITENOISE_USE_FINDERS = not _MANIFEST
WHITENOISE_AUTOREFRESH = DEBUG

BAOCAO_MAX_UPLOAD_BYTES = env_int("BAOCAO_MAX_UPLOAD_MB", 50) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = BAOCAO_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
BAOCAO_ACCEPT_CONFIDENCE = float(os.environ.get("BAOCAO_ACCEPT_CONFIDENCE") or 0.5)
BAOCAO_OUTLIER_THRESHOLD = float(os.environ.get("BAOCAO_OUTLIER_THRESHOLD") or 3.5)

CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "baocao.web.ui.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if env_bool("BAOCAO_SECURE", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"baocao": {"handlers": ["console"], "level": env_str("BAOCAO_LOG_LEVEL", "WARNING")}},
}
