from django.contrib import admin

from baocao.web.findings.models import Finding


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["severity", "code", "unit", "period", "state", "message"]
    list_filter = ["state", "severity", "source", "code"]
    search_fields = ["message", "unit__name"]
    readonly_fields = ["report", "version", "unit", "period", "value", "source", "code", "rule", "severity",
                       "message", "evidence", "suggestion", "expected", "actual", "section", "state_changed_by",
                       "state_changed_at", "created_at"]
