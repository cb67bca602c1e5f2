from django.contrib import admin

from baocao.web.audit.services import record
from baocao.web.indicators.models import Fact, Indicator, IndicatorValue, ValueRevision

EDITABLE = ["name", "sector", "dimension", "unit", "display_unit", "aggregate_units", "aggregate_time",
            "ratio_numerator", "ratio_denominator", "levels", "key", "phrases", "active"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sector", "dimension", "display_unit", "aggregate_units", "key", "active"]
    list_filter = ["sector", "dimension", "key", "active", "edited"]
    search_fields = ["code", "name"]

    def save_model(self, request, obj, form, change):
        old = None
        if change:
            before = Indicator.objects.get(pk=obj.pk)
            old = {f: getattr(before, f) for f in form.changed_data if f in EDITABLE}
        obj.edited = True  # keep admin edits when the catalogue file is loaded again
        super().save_model(request, obj, form, change)
        record(request.user, "indicator.update" if change else "indicator.create", obj, old=old,
               new={f: getattr(obj, f) for f in form.changed_data if f in EDITABLE})


class RevisionInline(admin.TabularInline):
    model = ValueRevision
    extra = 0
    readonly_fields = ["kind", "old_value", "new_value", "old_estimate", "old_version", "new_version", "at"]
    can_delete = False


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "unit", "period", "scope", "value", "reported_value", "estimate", "corrected"]
    list_filter = ["scope", "estimate", "corrected", "period__kind"]
    search_fields = ["indicator__code", "unit__code", "unit__name"]
    readonly_fields = ["unit", "period", "indicator", "scope", "reported_value", "estimate", "source_fact",
                       "source_version", "source_report", "corrected", "corrected_by", "corrected_at", "value",
                       "correction_reason"]
    inlines = [RevisionInline]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["raw", "indicator", "value", "scope", "estimate", "status", "report"]
    list_filter = ["status", "scope", "estimate", "dimension"]
    search_fields = ["raw", "sentence", "indicator_code"]
    readonly_fields = [f.name for f in Fact._meta.fields if f.name != "status"]
