from django.apps import AppConfig


class FindingsConfig(AppConfig):
    name = "baocao.web.findings"
    label = "findings"
    verbose_name = "Phát hiện"
    default_auto_field = "django.db.models.BigAutoField"
