from django.contrib import admin

from baocao.web.periods.models import DueRule, Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "kind", "window_start", "window_end"]
    list_filter = ["kind", "year"]
    search_fields = ["code", "label"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DueRule)
class DueRuleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "scope", "level", "period_kind", "day", "month_offset", "note"]
    list_filter = ["level", "period_kind"]
    autocomplete_fields = ["scope"]
