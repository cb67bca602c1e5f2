from django.apps import AppConfig


class DraftingConfig(AppConfig):
    name = "baocao.web.drafting"
    label = "drafting"
    verbose_name = "Dự thảo báo cáo"
    default_auto_field = "django.db.models.BigAutoField"
