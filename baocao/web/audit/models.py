"""One row per change: who (a user, or the command line), when, what, old, new, why."""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class AuditEntry(models.Model):
    at = models.DateTimeField("lúc", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField("nguồn", max_length=150, help_text="tên người dùng, hoặc «cli», «system»")
    action = models.CharField("thao tác", max_length=64, db_index=True)
    object_type = models.CharField("loại đối tượng", max_length=64)
    object_id = models.CharField("mã đối tượng", max_length=64)
    object_repr = models.CharField("đối tượng", max_length=300, blank=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    old = models.JSONField("giá trị cũ", null=True, blank=True, encoder=DjangoJSONEncoder)
    new = models.JSONField("giá trị mới", null=True, blank=True, encoder=DjangoJSONEncoder)
    reason = models.TextField("lý do", blank=True)

    class Meta:
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"
