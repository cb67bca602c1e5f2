from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "baocao.web.dashboards"
    label = "dashboards"
    verbose_name = "tổng quan"
