from django.contrib import admin

from baocao.web.tasks.models import LateUnit, PlannedTask, TaskDecision, TaskMatch


class MatchInline(admin.StackedInline):
    model = TaskMatch
    extra = 0
    can_delete = False
    readonly_fields = ["report", "version", "status", "confidence", "evidence_paragraph", "evidence_text",
                       "evidence_section", "evidence_score", "cue", "alternatives", "source", "matched_at"]


class DecisionInline(admin.StackedInline):
    model = TaskDecision
    extra = 0
    readonly_fields = ["suggested_status", "decided_by", "decided_by_label", "decided_at"]


@admin.register(PlannedTask)
class PlannedTaskAdmin(admin.ModelAdmin):
    list_display = ["number", "text", "unit", "period_code", "kind", "sector"]
    list_filter = ["kind", "sector", "period_code"]
    search_fields = ["text", "unit__name", "unit__code"]
    readonly_fields = ["unit", "source_report", "source_version", "key", "position", "paragraph", "paragraphs",
                       "created_at", "updated_at"]
    inlines = [MatchInline, DecisionInline]


@admin.register(LateUnit)
class LateUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "unit", "period"]
    list_filter = ["kind"]
    search_fields = ["name", "unit__name", "sentence"]
    readonly_fields = ["unit", "period", "report", "version", "sentence", "paragraph"]
