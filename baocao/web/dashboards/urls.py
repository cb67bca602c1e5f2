from django.urls import path

from baocao.web.dashboards import views, views_overview, views_tasks

app_name = "dashboards"

urlpatterns = [
    path("tong-quan/", views.start, name="start"),
    path("tong-quan/<int:pk>/", views_overview.overview, name="overview"),
    path("don-vi/<int:pk>/", views.unit_dashboard, name="unit"),
    path("nhiem-vu/", views_tasks.tasks, name="tasks"),
]
