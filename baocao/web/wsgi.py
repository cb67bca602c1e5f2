"""WSGI entry point for deployments: `gunicorn baocao.web.wsgi` (see docs/deploy.md)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baocao.web.settings")

application = get_wsgi_application()
