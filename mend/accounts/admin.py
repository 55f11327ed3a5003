from django.contrib import admin

from mend.accounts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("email", "display_name", "time_zone", "is_active", "date_joined")
    search_fields = ("email", "display_name")
    # Passwords are changed by their owner; the hash has no business on an admin page.
    exclude = ("password", "user_permissions", "groups")
    readonly_fields = ("last_login", "date_joined")
