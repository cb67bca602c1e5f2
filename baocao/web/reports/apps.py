from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "baocao.web.reports"
    label = "reports"
    verbose_name = "Báo cáo"
    default_auto_field = "django.db.models.BigAutoField"
