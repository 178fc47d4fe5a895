"""Platform admins write the canned replies support inserts, and see reports and threads (read-only:
conversations change through the support console and the services)."""

from django.contrib import admin

from commerce.core.admin import ReadOnlyAdmin

from .models import CannedReply, Report, Thread


@admin.register(CannedReply)
class CannedReplyAdmin(admin.ModelAdmin):
    list_display = ("title", "language")
    list_filter = ("language",)
    search_fields = ("title", "body")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "reporter", "reported", "thread", "resolved")
    list_filter = ("resolved",)
    fields = ("reporter", "reported", "thread", "quoted", "reason", "resolved")
    readonly_fields = ("reporter", "reported", "thread", "quoted", "reason")


@admin.register(Thread)
class ThreadAdmin(ReadOnlyAdmin):
    list_display = ("pk", "kind", "status", "partner", "guest_email", "assigned_to", "last_message_at")
    list_filter = ("kind", "status")
    search_fields = ("guest_email", "partner__name")
