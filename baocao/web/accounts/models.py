"""A user belongs to one unit with one role; API tokens are stored as SHA-256 hashes only."""

from __future__ import annotations

from django.conf import settings
from django.db import models

ROLES = (
    ("viewer", "xem"),
    ("editor", "biên tập"),
    ("reviewer", "kiểm duyệt"),
    ("admin", "quản trị"),
)
ROLE_RANK = {"viewer": 0, "editor": 1, "reviewer": 2, "admin": 3}


class Membership(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="người dùng", on_delete=models.CASCADE,
                                related_name="membership")
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="members")
    role = models.CharField("vai trò", max_length=16, choices=ROLES, default="viewer")

    class Meta:
        verbose_name = "thành viên đơn vị"
        verbose_name_plural = "thành viên đơn vị"

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người dùng", on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField("tên", max_length=100, default="api")
    prefix = models.CharField("tiền tố", max_length=12, help_text="đầu mã, để nhận ra mã khi thu hồi")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True)
    revoked = models.BooleanField("đã thu hồi", default=False)

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
