from django.urls import path

from baocao.web.dashboards import views, views_overview

app_name = "dashboards"

urlpatterns = [
    path("tong-quan/", views.start, name="start"),
    path("tong-quan/<int:pk>/", views_overview.overview, name="overview"),
    path("don-vi/<int:pk>/", views.unit_dashboard, name="unit"),
]
