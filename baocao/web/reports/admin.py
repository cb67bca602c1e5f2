from django.contrib import admin

from baocao.web.reports.models import Report, ReportVersion


class VersionInline(admin.TabularInline):
    model = ReportVersion
    extra = 0
    fields = ["number", "file_name", "sha256", "size", "uploaded_at", "uploaded_via", "superseded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "period", "doc_type", "status", "issued_on", "updated_at"]
    list_filter = ["status", "doc_type", "period__kind"]
    search_fields = ["unit__name", "unit__code", "title", "number"]
    readonly_fields = ["unit", "period", "doc_type", "current", "title", "number", "issued_on", "created_at",
                       "updated_at", "submitted_at", "reviewed_at", "reviewed_by"]
    inlines = [VersionInline]
