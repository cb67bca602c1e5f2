"""What every page needs: the navigation, the user's unit and role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from baocao.web.accounts import access
from baocao.web.accounts.models import ROLE_RANK
from baocao.web.ui.labels import ROLE, label


def optional_url(name: str) -> str:
    """The URL of a page of another feature (tasks, drafting); no menu item when it is not installed."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


# pages that belong to another menu item than their app's
SECTION = {"dashboards:unit": "units"}


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    role = access.role_of(user)
    member = access.membership(user)
    match = getattr(request, "resolver_match", None)
    current = SECTION.get(match.view_name, match.namespace) if match else ""
    items = [
        ("dashboards", reverse("dashboards:start"), _("Tổng quan")),
        ("units", reverse("units:list"), _("Đơn vị")),
        ("reports", reverse("reports:list"), _("Báo cáo")),
        ("indicators", reverse("indicators:explore"), _("Chỉ tiêu")),
        ("search", reverse("search:search"), _("Tìm kiếm")),
        ("tasks", optional_url("tasks:list"), _("Nhiệm vụ")),
        ("drafting", optional_url("drafting:page"), _("Dự thảo")),
    ]
    may_upload = role is not None and ROLE_RANK[role] >= ROLE_RANK["editor"]
    return {
        "nav_items": [{"key": k, "url": u, "label": t, "active": k == current} for k, u, t in items if u],
        "nav_upload": may_upload,
        "nav_admin": bool(user.is_staff),
        "nav_unit": member.unit if member else None,
        "nav_role": label(ROLE, role) if role else "",
    }
