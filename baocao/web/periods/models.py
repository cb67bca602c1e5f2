"""Periods (kỳ báo cáo) and the due dates (thời hạn gửi báo cáo) a province configures."""

from __future__ import annotations

from django.db import models

PERIOD_KINDS = (
    ("month", "tháng"),
    ("quarter", "quý"),
    ("half_year", "6 tháng"),
    ("nine_months", "9 tháng"),
    ("year", "năm"),
    ("months_to_date", "lũy kế từ đầu năm"),
)
KIND_ORDER = {"month": 0, "months_to_date": 1, "quarter": 2, "half_year": 3, "nine_months": 4, "year": 5}


class Period(models.Model):
    """One period, created on first use from its code (2025-11, 2025-Q3, 2025-H1, 2025-9M, 2025, 2025-08-YTD).

    `window_start`..`window_end` is the data window of Decree 09/2019/NĐ-CP (monthly: the 15th
    of the previous month to the 14th); `first_month`..`last_month` the calendar months it covers
    (statistical regimes use calendar months, so both are kept).
    """

    code = models.CharField("mã kỳ", max_length=16, unique=True)
    kind = models.CharField("loại kỳ", max_length=16, choices=PERIOD_KINDS)
    year = models.PositiveSmallIntegerField("năm")
    month = models.PositiveSmallIntegerField("tháng", null=True, blank=True)
    quarter = models.PositiveSmallIntegerField("quý", null=True, blank=True)
    half = models.PositiveSmallIntegerField("nửa năm", null=True, blank=True)
    first_month = models.PositiveSmallIntegerField("tháng đầu")
    last_month = models.PositiveSmallIntegerField("tháng cuối")
    window_start = models.DateField("số liệu từ ngày")
    window_end = models.DateField("số liệu đến ngày", db_index=True)
    label = models.CharField("tên kỳ", max_length=60)

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["window_end", "kind"]
        indexes = [models.Index(fields=["kind", "window_end"], name="period_kind_end_idx")]

    def __str__(self) -> str:
        return self.label

    @property
    def ordinal(self) -> int:
        """Months since year 0 of the last calendar month: consecutive months differ by 1."""
        return self.year * 12 + self.last_month - 1


LEVEL_CHOICES = (("province", "tỉnh"), ("district", "huyện"), ("commune", "xã"))


class DueRule(models.Model):
    """Reports of `level` units for periods of `period_kind` are due on `day` of the period's
    last month (+ `month_offset` months). `scope` is the province whose decision sets it (none:
    the national default)."""

    scope = models.ForeignKey(
        "units.Unit", verbose_name="tỉnh quy định", null=True, blank=True, on_delete=models.CASCADE,
        related_name="due_rules", limit_choices_to={"level": "province"},
    )
    level = models.CharField("cấp báo cáo", max_length=16, choices=LEVEL_CHOICES)
    period_kind = models.CharField("loại kỳ", max_length=16, choices=PERIOD_KINDS, blank=True,
                                   help_text="để trống: mọi loại kỳ")
    day = models.PositiveSmallIntegerField("ngày", help_text="ngày trong tháng cuối của kỳ")
    month_offset = models.PositiveSmallIntegerField("sau số tháng", default=0)
    note = models.CharField("căn cứ", max_length=200, blank=True, help_text="ví dụ: Quyết định 52/2025/QĐ-UBND")

    class Meta:
        verbose_name = "thời hạn gửi báo cáo"
        verbose_name_plural = "thời hạn gửi báo cáo"
        constraints = [
            models.UniqueConstraint(fields=["scope", "level", "period_kind"], name="due_rule_unique"),
            models.UniqueConstraint(fields=["level", "period_kind"], condition=models.Q(scope__isnull=True),
                                    name="due_rule_default_unique"),
            models.CheckConstraint(condition=models.Q(day__gte=1) & models.Q(day__lte=31), name="due_rule_day"),
        ]

    def __str__(self) -> str:
        where = str(self.scope) if self.scope_id else "mặc định"
        return f"{where}: cấp {self.get_level_display()}, {self.period_kind or 'mọi kỳ'} → ngày {self.day}"
