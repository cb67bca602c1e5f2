"""A report of one unit for one period, and its versions (each one original file).

`Report` is what people refer to (one per unit, period and document type); every file
received for it is a `ReportVersion`, numbered from 1. A corrected report adds a version
and supersedes the previous one, which stays with its facts and findings. The same file
(same SHA-256) is stored once: `ReportVersion.sha256` is unique.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

STATUSES = (("draft", "bản nháp"), ("submitted", "đã gửi"), ("reviewed", "đã kiểm duyệt"))
DOC_TYPES = (
    ("report", "báo cáo"),
    ("work_programme", "chương trình công tác"),
    ("plan", "kế hoạch"),
    ("other", "khác"),
)


class Report(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey("periods.Period", verbose_name="kỳ", on_delete=models.PROTECT, related_name="reports")
    doc_type = models.CharField("loại văn bản", max_length=20, choices=DOC_TYPES, default="report")
    status = models.CharField("trạng thái", max_length=12, choices=STATUSES, default="draft", db_index=True)
    current = models.OneToOneField("ReportVersion", verbose_name="phiên bản hiện hành", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    title = models.CharField("trích yếu", max_length=500, blank=True)
    number = models.CharField("số hiệu", max_length=100, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    created_at = models.DateTimeField("nhận lần đầu", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)
    submitted_at = models.DateTimeField("gửi lúc", null=True, blank=True)
    reviewed_at = models.DateTimeField("kiểm duyệt lúc", null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người kiểm duyệt", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["-period__window_end", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["unit", "period", "doc_type"], name="report_unit_period_type")]
        indexes = [models.Index(fields=["period", "unit"], name="report_period_unit_idx")]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display().capitalize()} {self.unit.full_name} — {self.period}"

    @property
    def sent_on(self) -> date | None:
        """When the report was sent: the date printed on it, else when it was submitted here."""
        if self.issued_on:
            return self.issued_on
        return self.submitted_at.date() if self.submitted_at else None


class ReportVersion(models.Model):
    report = models.ForeignKey(Report, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("phiên bản")
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    file_name = models.CharField("tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("kích thước (byte)")
    source_kind = models.CharField("loại tệp", max_length=16, help_text="text, pdf, docx, pdf+ocr")
    document = models.JSONField("mô hình văn bản", default=dict)
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người tải lên", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_via = models.CharField("qua", max_length=16, default="cli", help_text="cli, api, web, demo")
    superseded_at = models.DateTimeField("bị thay thế lúc", null=True, blank=True)

    class Meta:
        verbose_name = "phiên bản báo cáo"
        verbose_name_plural = "phiên bản báo cáo"
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_version_number")]

    def __str__(self) -> str:
        return f"{self.report} (phiên bản {self.number})"

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None

    @property
    def meta(self) -> dict:
        return self.document.get("meta", {})
