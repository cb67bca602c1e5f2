from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "baocao.web.audit"
    label = "audit"
    verbose_name = "Nhật ký thay đổi"
    default_auto_field = "django.db.models.BigAutoField"
