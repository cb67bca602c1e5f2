from django.contrib import admin

from baocao.web.units.models import Lineage, Unit
from baocao.web.units.services import rebuild_paths


class PredecessorInline(admin.TabularInline):
    model = Lineage
    fk_name = "unit"
    extra = 0
    autocomplete_fields = ["predecessor"]
    verbose_name = "đơn vị cũ"
    verbose_name_plural = "hình thành từ (kế thừa)"


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "full_name", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["code", "name", "name_folded"]
    autocomplete_fields = ["parent"]
    inlines = [PredecessorInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rebuild_paths()


@admin.register(Lineage)
class LineageAdmin(admin.ModelAdmin):
    list_display = ["unit", "predecessor", "share", "kind", "date"]
    list_filter = ["kind"]
    autocomplete_fields = ["unit", "predecessor"]
