from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "baocao.web.accounts"
    label = "accounts"
    verbose_name = "Người dùng và quyền"
    default_auto_field = "django.db.models.BigAutoField"
