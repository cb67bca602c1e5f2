"""One sentence of a report's current version, with where it stands (paragraph or footnote)."""

from __future__ import annotations

from django.db import models


class Sentence(models.Model):
    report = models.ForeignKey("reports.Report", verbose_name="báo cáo", on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey("reports.ReportVersion", verbose_name="phiên bản", on_delete=models.CASCADE,
                                related_name="+")
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("periods.Period", verbose_name="kỳ", on_delete=models.CASCADE, related_name="+")
    period_end = models.DateField("kỳ đến ngày", null=True)  # the period's window end: results sort newest first
    paragraph = models.CharField("đoạn", max_length=40, blank=True)
    footnote = models.IntegerField("chú thích", null=True, blank=True)
    start = models.IntegerField(default=0)  # offset of the sentence in the paragraph's (or footnote's) text
    end = models.IntegerField(default=0)
    section = models.CharField("mục", max_length=300, blank=True)
    text = models.TextField("câu")
    folded = models.TextField("câu không dấu")

    class Meta:
        db_table = "search_sentence"
        verbose_name = "câu trong báo cáo"
        verbose_name_plural = "câu trong báo cáo"
        indexes = [
            models.Index(fields=["version"], name="search_sentence_version"),
            # newest first: for a common word PostgreSQL walks this and stops after a page
            models.Index(fields=["-period_end", "report_id", "id"], name="search_sentence_order"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
