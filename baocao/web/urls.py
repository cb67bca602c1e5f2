"""URLs: the landing page, the Django admin, the REST API under /api/v1/."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

from baocao.web import views
from baocao.web.api import api

admin.site.site_header = "baocao — quản trị"
admin.site.site_title = "baocao"
admin.site.index_title = "Quản trị dữ liệu"

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
