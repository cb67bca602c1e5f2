from typing import Any

from django.apps import AppConfig


def _on_version_stored(sender: Any, version: Any, document: Any, prepared: Any = None, **kwargs: Any) -> None:
    from baocao.web.tasks.services import on_new_version

    on_new_version(version, document, prepared)


class TasksConfig(AppConfig):
    name = "baocao.web.tasks"
    label = "tasks"
    verbose_name = "Nhiệm vụ trọng tâm"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Every stored report version: its planned tasks, late units and matches (inside the ingest
        transaction, through `reports.signals.version_stored`)."""
        from baocao.web.reports.signals import version_stored

        version_stored.connect(_on_version_stored, dispatch_uid="baocao.tasks.on_version_stored")
