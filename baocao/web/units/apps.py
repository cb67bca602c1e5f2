from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "baocao.web.units"
    label = "units"
    verbose_name = "Đơn vị hành chính"
    default_auto_field = "django.db.models.BigAutoField"
