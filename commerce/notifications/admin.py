"""Platform admins write announcements here, beside the other site-wide content they manage in
Django admin (flat pages, users, groups): an announcement is a platform message with a role and a
time, not a shop's content (the Oscar dashboard is the sellers' space, Wagtail is Marketing's pages)."""

from django.contrib import admin
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Announcement


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ("title_fr", "role", "send_at", "sent_at")
    list_filter = ("role",)
    readonly_fields = ("sent_at",)
    fieldsets = (
        (_("French"), {"fields": ("title_fr", "body_fr")}),
        (_("English"), {"fields": ("title_en", "body_en")}),
        (_("Arabic"), {"fields": ("title_ar", "body_ar")}),
        (None, {"fields": ("url", "role", "send_at", "sent_at")}),
    )

    def has_change_permission(self, request, obj=None):
        """A sent announcement is a record: it cannot be edited any more."""
        if obj is not None and obj.sent_at is not None:
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        """Save; one due now leaves at once after commit (later ones wait for the beat sweep)."""
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if obj.send_at <= timezone.now():
            from .tasks import send_due_announcements

            transaction.on_commit(send_due_announcements.delay)
