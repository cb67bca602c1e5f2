from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from baocao.web.accounts.models import ApiToken, Membership


class MembershipInline(admin.StackedInline):
    model = Membership
    can_delete = False
    autocomplete_fields = ["unit"]
    verbose_name_plural = "đơn vị và vai trò"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class BaocaoUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "membership_unit", "membership_role", "is_active", "is_staff"]

    @admin.display(description="đơn vị")
    def membership_unit(self, obj):
        return getattr(getattr(obj, "membership", None), "unit", "")

    @admin.display(description="vai trò")
    def membership_role(self, obj):
        m = getattr(obj, "membership", None)
        return m.get_role_display() if m else ""


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    readonly_fields = ["user", "prefix", "key_hash", "created_at", "last_used_at"]
    fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked"]

    def has_add_permission(self, request):
        return False  # tokens are issued by `baocao user add` (the token is shown once)
