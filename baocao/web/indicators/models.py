"""Indicators (chỉ tiêu), facts (số liệu as printed) and indicator values.

- `Indicator`: the catalogue, loaded from baocao/data/indicators.yaml, editable in the admin.
- `Fact`: one printed quantity of one report version, with its meaning and where it stands
  (paragraph or footnote, offsets, the sentence). Accepted facts yield values.
- `IndicatorValue`: the figure of (unit, period, indicator, scope) — the effective `value`,
  the `reported_value` the report printed, and a reviewer's correction beside it.
- `ValueRevision`: a value replaced by a later source (an estimate restated by the next
  report, a corrected version of the report); kept, never a conflict.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

DIMENSIONS = [(d, d) for d in ("money", "count", "percent", "area", "mass", "volume", "length", "energy",
                               "duration", "other")]
AGG_UNITS = [("sum", "cộng"), ("average", "trung bình"), ("last", "giá trị cuối"), ("max", "lớn nhất"),
             ("ratio", "tỷ lệ tử số / mẫu số"), ("none", "không cộng được")]
AGG_TIME = [("sum", "cộng"), ("last", "giá trị cuối kỳ"), ("average", "trung bình"), ("ratio", "tỷ lệ")]
SCOPES = [("period", "trong kỳ"), ("cumulative", "lũy kế"), ("year_to_date", "từ đầu năm"), ("since", "từ ngày")]
FACT_STATUSES = [("accepted", "đã nhận"), ("pending", "chờ xác nhận"), ("rejected", "loại bỏ")]
REVISION_KINDS = [
    ("estimate_restated", "số ước được báo cáo lại"),
    ("estimate_updated", "số ước được cập nhật"),
    ("new_version", "phiên bản báo cáo mới"),
]


class Indicator(models.Model):
    code = models.CharField("mã", max_length=80, unique=True)
    name = models.CharField("tên", max_length=300)
    sector = models.CharField("lĩnh vực", max_length=40, db_index=True)
    dimension = models.CharField("đại lượng", max_length=16, choices=DIMENSIONS)
    unit = models.CharField("đơn vị gốc", max_length=40, help_text="VND, USD, %, m2, kg… hoặc danh từ đếm")
    display_unit = models.CharField("đơn vị hiển thị", max_length=40)
    aggregate_units = models.CharField("cộng theo đơn vị", max_length=10, choices=AGG_UNITS, default="sum")
    aggregate_time = models.CharField("cộng theo thời gian", max_length=10, choices=AGG_TIME, default="sum")
    ratio_numerator = models.CharField("tử số", max_length=80, blank=True)
    ratio_denominator = models.CharField("mẫu số", max_length=80, blank=True)
    levels = models.JSONField("cấp báo cáo", default=list)
    key = models.BooleanField("chỉ tiêu chủ yếu", default=False)
    phrases = models.JSONField("cụm từ nhận diện", default=list)
    active = models.BooleanField("đang dùng", default=True)
    edited = models.BooleanField("đã sửa tay", default=False, help_text="không bị ghi đè khi nạp lại danh mục")

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "danh mục chỉ tiêu"
        ordering = ["sector", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_ratio(self) -> bool:
        return bool(self.ratio_numerator and self.ratio_denominator)


class Fact(models.Model):
    version = models.ForeignKey("reports.ReportVersion", verbose_name="phiên bản", on_delete=models.CASCADE,
                                related_name="facts")
    report = models.ForeignKey("reports.Report", verbose_name="báo cáo", on_delete=models.CASCADE,
                               related_name="facts")
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey("periods.Period", verbose_name="kỳ", on_delete=models.PROTECT, related_name="+",
                               help_text="kỳ mà số liệu nói tới (thường là kỳ của báo cáo)")
    fact_id = models.CharField("mã trong báo cáo", max_length=40)
    value = models.FloatField("giá trị")
    dimension = models.CharField("đại lượng", max_length=16)
    base_unit = models.CharField("đơn vị", max_length=40)
    raw = models.CharField("nguyên văn", max_length=100)
    sentence = models.TextField("câu")
    paragraph = models.CharField("đoạn", max_length=40, blank=True)
    footnote = models.IntegerField("chú thích", null=True, blank=True)
    start = models.IntegerField(default=0)
    end = models.IntegerField(default=0)
    subject = models.CharField("chủ thể", max_length=300, blank=True)
    scope = models.CharField("phạm vi", max_length=16, choices=SCOPES, default="period")
    estimate = models.BooleanField("số ước", default=False)
    qualifiers = models.JSONField("định tính", default=dict)
    relations = models.JSONField("quan hệ", default=list)
    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="facts")
    indicator_code = models.CharField("mã chỉ tiêu (như trích xuất)", max_length=80, blank=True)
    indicator_confidence = models.FloatField("độ tin cậy", default=0.0)
    decimals = models.SmallIntegerField(default=0)
    role = models.CharField("vai trò", max_length=30, blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=FACT_STATUSES, default="pending")

    class Meta:
        verbose_name = "số liệu"
        verbose_name_plural = "số liệu"
        ordering = ["version", "start", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "fact_id"], name="fact_version_id")]

    def __str__(self) -> str:
        return f"{self.raw} ({self.indicator_code or 'chưa gán chỉ tiêu'})"


class IndicatorValue(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey("periods.Period", verbose_name="kỳ", on_delete=models.PROTECT, related_name="values")
    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="values")
    scope = models.CharField("phạm vi", max_length=16, choices=SCOPES, default="period")
    value = models.FloatField("giá trị")
    reported_value = models.FloatField("giá trị báo cáo", null=True, blank=True)
    estimate = models.BooleanField("số ước", default=False)
    source_fact = models.ForeignKey(Fact, verbose_name="số liệu nguồn", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    source_version = models.ForeignKey("reports.ReportVersion", verbose_name="phiên bản nguồn", null=True,
                                       blank=True, on_delete=models.SET_NULL, related_name="+")
    source_report = models.ForeignKey("reports.Report", verbose_name="báo cáo nguồn", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    corrected = models.BooleanField("đã hiệu chỉnh", default=False)
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người hiệu chỉnh", null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    corrected_at = models.DateTimeField("hiệu chỉnh lúc", null=True, blank=True)
    correction_reason = models.TextField("lý do hiệu chỉnh", blank=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        verbose_name = "giá trị chỉ tiêu"
        verbose_name_plural = "giá trị chỉ tiêu"
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "scope", "period"], name="value_key"),
        ]
        indexes = [
            # rankings read one (indicator, period, scope) across thousands of units: covering the
            # columns they return lets PostgreSQL answer from the index alone (SQLite ignores include)
            models.Index(fields=["indicator", "period", "scope"], name="value_indicator_period_idx",
                         include=["id", "value", "unit", "estimate", "corrected"]),
            models.Index(fields=["unit", "period"], name="value_unit_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.unit.code} {self.period.code} {self.scope}: {self.value:g}"


class ValueRevision(models.Model):
    value = models.ForeignKey(IndicatorValue, verbose_name="giá trị", on_delete=models.CASCADE,
                              related_name="revisions")
    kind = models.CharField("loại", max_length=20, choices=REVISION_KINDS)
    old_value = models.FloatField("giá trị cũ", null=True)
    new_value = models.FloatField("giá trị mới", null=True)
    old_estimate = models.BooleanField("cũ là số ước", default=False)
    old_version = models.ForeignKey("reports.ReportVersion", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    new_version = models.ForeignKey("reports.ReportVersion", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "điều chỉnh số liệu"
        verbose_name_plural = "điều chỉnh số liệu"
        ordering = ["value", "at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.old_value} → {self.new_value}"
