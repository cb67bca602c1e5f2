"""Planned tasks (nhiệm vụ trọng tâm), what the next report says about them, people's
decisions on that, and units named as late on directives.

- `PlannedTask`: one task (or scheduled meeting) of a report or work programme, planned for a
  period. Rows are updated in place by their core key (`period:kind:number`) when a new version
  of the source report arrives, so ids stay stable for links and the API.
- `TaskMatch`: the outcome found in the next period's report of the same unit (or of the unit
  it merged into): status, evidence sentence and paragraph, confidence. Recomputed whenever
  either report gets a new version.
- `TaskDecision`: a person confirmed or corrected the outcome. It is kept across re-matching
  and handed to the core matcher as an `Override`, so it survives new versions.
- `LateUnit`: a unit a report names as late on assigned directives or reports.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from baocao.tasks.model import STATUS_LABELS

STATUSES = tuple(STATUS_LABELS.items())  # done, in_progress, not_mentioned with their Vietnamese labels
KINDS = (("task", "nhiệm vụ"), ("meeting", "cuộc họp"))
SOURCES = (("auto", "tự động"), ("confirmed", "đã xác nhận"))
LATE_KINDS = (("directive", "chưa tham mưu giải quyết"), ("report", "chưa gửi báo cáo"))


class PlannedTask(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    # The period a task is planned for is usually one with no report yet: a code, not a `Period` row
    # (stored periods are the periods that hold reports — series and overviews list them).
    period_code = models.CharField("kỳ thực hiện", max_length=16, db_index=True)
    period_end = models.DateField("hết kỳ", help_text="ngày cuối khoảng số liệu của kỳ (Nghị định 09/2019)")
    source_report = models.ForeignKey("reports.Report", verbose_name="văn bản giao", on_delete=models.CASCADE,
                                      related_name="planned_tasks")
    source_version = models.ForeignKey("reports.ReportVersion", verbose_name="phiên bản", on_delete=models.CASCADE,
                                       related_name="+")
    key = models.CharField("khóa", max_length=80, help_text="kỳ:loại:số, như baocao.tasks")
    position = models.PositiveIntegerField("thứ tự", default=0)
    number = models.CharField("số thứ tự", max_length=20)
    number_printed = models.BooleanField("số in trong văn bản", default=True)
    kind = models.CharField("loại", max_length=10, choices=KINDS, default="task")
    text = models.TextField("nội dung")
    sector = models.CharField("lĩnh vực", max_length=40, blank=True)
    heading = models.CharField("đề mục", max_length=300, blank=True)
    paragraph = models.CharField("đoạn", max_length=40, blank=True)
    paragraphs = models.JSONField("các đoạn", default=list)
    responsible = models.JSONField("đơn vị chủ trì", default=list)
    meetings = models.JSONField("cuộc họp", default=list)
    meeting_kind = models.CharField("loại cuộc họp", max_length=300, blank=True)
    meeting_date = models.DateField("ngày họp", null=True, blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        verbose_name = "nhiệm vụ trọng tâm"
        verbose_name_plural = "nhiệm vụ trọng tâm"
        ordering = ["period_end", "unit", "source_report", "position"]
        constraints = [models.UniqueConstraint(fields=["source_report", "key"], name="task_source_key")]
        indexes = [models.Index(fields=["unit", "period_code"], name="task_unit_period_idx")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class TaskMatch(models.Model):
    task = models.OneToOneField(PlannedTask, verbose_name="nhiệm vụ", on_delete=models.CASCADE, related_name="match")
    report = models.ForeignKey("reports.Report", verbose_name="báo cáo kỳ sau", on_delete=models.CASCADE,
                               related_name="+")
    version = models.ForeignKey("reports.ReportVersion", verbose_name="phiên bản đối chiếu", on_delete=models.CASCADE,
                                related_name="+")
    status = models.CharField("tình trạng", max_length=16, choices=STATUSES)
    confidence = models.FloatField("độ tin cậy", default=0.0)
    evidence_paragraph = models.CharField("đoạn dẫn chứng", max_length=40, blank=True)
    evidence_text = models.TextField("câu dẫn chứng", blank=True)
    evidence_section = models.CharField("mục", max_length=300, blank=True)
    evidence_score = models.FloatField("điểm tương đồng", default=0.0)
    cue = models.CharField("dấu hiệu", max_length=200, blank=True)
    alternatives = models.JSONField("câu khác", default=list)
    source = models.CharField("nguồn", max_length=10, choices=SOURCES, default="auto")
    matched_at = models.DateTimeField("đối chiếu lúc", auto_now=True)

    class Meta:
        verbose_name = "kết quả đối chiếu"
        verbose_name_plural = "kết quả đối chiếu"

    def __str__(self) -> str:
        return f"{self.task.number}: {self.get_status_display()}"


class TaskDecision(models.Model):
    task = models.OneToOneField(PlannedTask, verbose_name="nhiệm vụ", on_delete=models.CASCADE,
                                related_name="decision")
    status = models.CharField("tình trạng", max_length=16, choices=STATUSES)
    evidence_paragraph = models.CharField("đoạn dẫn chứng", max_length=40, blank=True)
    evidence_text = models.TextField("câu dẫn chứng", blank=True)
    suggested_status = models.CharField("tình trạng máy đề xuất", max_length=16, blank=True)
    note = models.TextField("ghi chú", blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người xác nhận", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_by_label = models.CharField("người xác nhận (tên)", max_length=150, blank=True)
    decided_at = models.DateTimeField("xác nhận lúc", auto_now=True)

    class Meta:
        verbose_name = "xác nhận kết quả nhiệm vụ"
        verbose_name_plural = "xác nhận kết quả nhiệm vụ"

    def __str__(self) -> str:
        return f"{self.task.number}: {self.get_status_display()} ({self.decided_by_label})"

    @property
    def corrected(self) -> bool:
        """The person changed what the matcher said (rather than confirming it)."""
        return bool(self.suggested_status) and self.suggested_status != self.status


class LateUnit(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị báo cáo", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey("periods.Period", verbose_name="kỳ", on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey("reports.Report", verbose_name="báo cáo", on_delete=models.CASCADE,
                               related_name="late_units")
    version = models.ForeignKey("reports.ReportVersion", verbose_name="phiên bản", on_delete=models.CASCADE,
                                related_name="+")
    name = models.CharField("đơn vị chậm", max_length=300)
    kind = models.CharField("loại", max_length=10, choices=LATE_KINDS, default="directive")
    topic = models.TextField("nội dung chậm", blank=True)
    sentence = models.TextField("câu", blank=True)
    paragraph = models.CharField("đoạn", max_length=40, blank=True)

    class Meta:
        verbose_name = "đơn vị chậm thực hiện"
        verbose_name_plural = "đơn vị chậm thực hiện"
        ordering = ["period", "unit", "id"]
        indexes = [models.Index(fields=["unit", "period"], name="lateunit_unit_period_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"
