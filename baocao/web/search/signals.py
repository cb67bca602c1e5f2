"""Keep the index in step with the store: a new version is indexed, a superseded one dropped."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from baocao.web.reports.models import Report, ReportVersion


def on_version_saved(sender: Any, instance: ReportVersion, created: bool, **kwargs: Any) -> None:
    from baocao.web.search.index import drop_version, index_version

    if kwargs.get("raw"):
        return
    if instance.superseded_at is not None:
        drop_version(instance)
    elif created:
        index_version(instance)


def on_report_saved(sender: Any, instance: Report, created: bool, **kwargs: Any) -> None:
    """A report moved to another unit or period (in the admin) keeps its sentences in step."""
    from baocao.web.search.models import Sentence

    if created or kwargs.get("raw"):
        return
    Sentence.objects.filter(report_id=instance.pk).exclude(unit_id=instance.unit_id, period_id=instance.period_id) \
        .update(unit_id=instance.unit_id, period_id=instance.period_id, period_end=instance.period.window_end)


def connect() -> None:
    post_save.connect(on_version_saved, sender=ReportVersion, dispatch_uid="search_version_saved")
    post_save.connect(on_report_saved, sender=Report, dispatch_uid="search_report_saved")
