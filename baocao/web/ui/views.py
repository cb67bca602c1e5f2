"""The front door: the home page sends people to their start page; login and logout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("dashboards:start")


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["demo"] = demo_accounts()
        return context


def demo_accounts() -> dict[str, Any] | None:
    """The demo's accounts, shown on the login page of a data directory made by `baocao demo`."""
    if not (Path(settings.BAOCAO_HOME) / "demo.json").exists():
        return None
    from baocao.cli.demo import DEMO_PASSWORD

    return {"password": DEMO_PASSWORD, "users": [("tinh", _("kiểm duyệt, cấp tỉnh")),
                                                 ("phuong", _("biên tập, phường hình thành do sáp nhập")),
                                                 ("xem", _("chỉ xem, cấp tỉnh"))]}


class LogoutView(auth_views.LogoutView):
    pass


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {"message": ""}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
