from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "baocao.web.ui"
    label = "ui"
    verbose_name = "giao diện"
