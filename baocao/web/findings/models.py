"""A finding (phát hiện) of a check, with its state: open, fixed, or accepted as correct.

Findings of the core's checks belong to a report version (`source = "check"`); the store's
own checks (outliers against the unit's history or its peers, conflicting values) point at
an indicator value as well (`source = "store"`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

SEVERITIES = (("error", "lỗi"), ("warning", "cảnh báo"), ("info", "thông tin"))
STATES = (("open", "chưa xử lý"), ("fixed", "đã sửa"), ("accepted", "chấp nhận là đúng"))
SOURCES = (("check", "kiểm tra báo cáo"), ("store", "kiểm tra kho số liệu"))


class Finding(models.Model):
    report = models.ForeignKey("reports.Report", verbose_name="báo cáo", on_delete=models.CASCADE,
                               related_name="findings")
    version = models.ForeignKey("reports.ReportVersion", verbose_name="phiên bản", on_delete=models.CASCADE,
                                related_name="findings")
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey("periods.Period", verbose_name="kỳ", on_delete=models.PROTECT, related_name="+")
    value = models.ForeignKey("indicators.IndicatorValue", verbose_name="giá trị chỉ tiêu", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="findings")
    source = models.CharField("nguồn", max_length=8, choices=SOURCES, default="check")
    code = models.CharField("mã", max_length=60, db_index=True)
    rule = models.CharField("quy tắc", max_length=60, blank=True)
    severity = models.CharField("mức độ", max_length=8, choices=SEVERITIES)
    message = models.TextField("nội dung")
    evidence = models.JSONField("dẫn chứng", default=list, encoder=DjangoJSONEncoder)
    suggestion = models.TextField("gợi ý", blank=True)
    expected = models.FloatField("giá trị đúng", null=True, blank=True)
    actual = models.FloatField("giá trị ghi", null=True, blank=True)
    section = models.CharField("mục", max_length=40, blank=True)
    state = models.CharField("trạng thái", max_length=10, choices=STATES, default="open", db_index=True)
    comment = models.TextField("ghi chú", blank=True)
    state_changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người xử lý", null=True,
                                         blank=True, on_delete=models.SET_NULL, related_name="+")
    state_changed_at = models.DateTimeField("xử lý lúc", null=True, blank=True)
    created_at = models.DateTimeField("phát hiện lúc", auto_now_add=True)

    class Meta:
        verbose_name = "phát hiện"
        verbose_name_plural = "phát hiện"
        ordering = ["report", "id"]
        indexes = [models.Index(fields=["unit", "period", "state"], name="finding_unit_period_state")]
        constraints = [
            models.UniqueConstraint(fields=["value", "code"], condition=models.Q(value__isnull=False),
                                    name="finding_value_code"),
        ]

    def __str__(self) -> str:
        return f"[{self.get_severity_display()}] {self.message[:80]}"
