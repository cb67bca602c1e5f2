"""URLs: the web pages (one include per app), the Django admin, the REST API under /api/v1/."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from baocao.web.api import api

admin.site.site_header = "baocao — quản trị"
admin.site.site_title = "baocao"
admin.site.index_title = "Quản trị dữ liệu"

urlpatterns = [
    path("", include("baocao.web.ui.urls")),
    path("", include("baocao.web.dashboards.urls")),
    path("don-vi/", include("baocao.web.units.urls")),
    path("bao-cao/", include("baocao.web.reports.urls")),
    path("phat-hien/", include("baocao.web.findings.urls")),
    path("chi-tieu/", include("baocao.web.indicators.urls")),
    path("tim-kiem/", include("baocao.web.search.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("nhiem-vu-trong-tam/", include("baocao.web.tasks.urls")),
    path("du-thao/", include("baocao.web.drafting.urls")),
    path("api/v1/", api.urls),
]

handler403 = "baocao.web.ui.views.forbidden"
handler404 = "baocao.web.ui.views.not_found"
handler500 = "baocao.web.ui.views.server_error"
