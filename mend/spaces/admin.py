from django.contrib import admin

from mend.spaces.models import Membership, Space


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    readonly_fields = ("user", "joined_at")


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    # Operators can see that a space exists and who is in it, never what anyone wrote:
    # check-ins, notes and commitments are deliberately not registered here.
    list_display = ("name", "kind", "created_at")
    inlines = [MembershipInline]
