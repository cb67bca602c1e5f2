"""API authentication: `Authorization: Bearer TOKEN` (or the web session, for the pages' own calls)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from baocao.web.accounts.services import user_for_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class Session(SessionAuth):
    """Logged-in users of the web app; ninja checks the CSRF token on unsafe methods."""


API_AUTH = [BearerToken(), Session()]
