from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "baocao.web.search"
    label = "search"
    verbose_name = "tìm kiếm"

    def ready(self) -> None:
        from baocao.web.search import signals

        signals.connect()
