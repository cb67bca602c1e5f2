from django.apps import AppConfig


class PeriodsConfig(AppConfig):
    name = "baocao.web.periods"
    label = "periods"
    verbose_name = "Kỳ báo cáo"
    default_auto_field = "django.db.models.BigAutoField"
