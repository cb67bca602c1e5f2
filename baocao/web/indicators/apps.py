from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "baocao.web.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu và số liệu"
    default_auto_field = "django.db.models.BigAutoField"
