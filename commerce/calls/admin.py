"""Platform admins read video calls in Django admin (beside the bookings, which are there too):
who, when, how it ended, the minutes the server metered and the coins captured, the extensions,
the recordings and the whiteboard. Read only: a call's money changes through ``services.end_call``
alone, so no admin form may add, change or delete a call or what hangs on it. Recordings and the
whiteboard are shown by their facts (size, date, when retention deletes them), never played: only
the call's two participants may open them."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from commerce.core.admin import ReadOnlyMixin

from .models import Call, Extension, Recording
from .services import recording_retention


class ExtensionInline(ReadOnlyMixin, admin.TabularInline):
    model = Extension
    fields = ["extra_minutes", "hold", "hold_status", "bought_at"]
    readonly_fields = fields
    extra = 0

    @admin.display(description=_("minutes"))
    def extra_minutes(self, extension):
        return extension.minutes

    @admin.display(description=_("bought"))
    def bought_at(self, extension):
        return extension.created_at

    @admin.display(description=_("hold status"))
    def hold_status(self, extension):
        return extension.hold.get_status_display()


class RecordingInline(ReadOnlyMixin, admin.TabularInline):
    model = Recording
    fields = ["recorder", "size_bytes", "chunk_count", "recorded_at", "deleted_after"]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("recorded_by").annotate(chunk_count=Count("chunks"))
        )

    @admin.display(description=_("recorded by"))
    def recorder(self, recording):
        return recording.recorded_by

    @admin.display(description=_("size (bytes)"))
    def size_bytes(self, recording):
        return recording.size

    @admin.display(description=_("recorded"))
    def recorded_at(self, recording):
        return recording.created_at

    @admin.display(description=_("chunks"))
    def chunk_count(self, recording):
        return recording.chunk_count

    @admin.display(description=_("deleted after"))
    def deleted_after(self, recording):
        return recording.created_at + recording_retention()


@admin.register(Call)
class CallAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "booking_link",
        "client",
        "expert",
        "status",
        "how_it_ended",
        "started",
        "ended",
        "metered_minutes",
        "coins_captured",
        "recording_count",
        "whiteboard_kept",
    ]
    list_filter = ["status", "ending", "started_at", "ended_at"]
    date_hierarchy = "started_at"
    search_fields = [
        "booking__client__email",
        "booking__client__first_name",
        "booking__client__last_name",
        "booking__provider__expert__full_name",
        "booking__provider__expert__user__email",
    ]
    list_select_related = ["booking__client", "booking__provider__expert"]
    fields = [
        "booking_link",
        "client",
        "expert",
        "status",
        "how_it_ended",
        "started",
        "ended",
        "price_per_minute",
        "minimum_minutes",
        "connected_seconds",
        "metered_minutes",
        "coins_captured",
        "recording_agreed",
        "whiteboard_kept",
    ]
    readonly_fields = fields
    inlines = [ExtensionInline, RecordingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(recording_count=Count("recordings"))

    @admin.display(description=_("booking"), ordering="booking__start")
    def booking_link(self, call):
        url = reverse("admin:bookings_booking_change", args=[call.booking_id])
        return format_html('<a href="{}">#{} · {}</a>', url, call.booking_id, call.booking.start)

    @admin.display(description=_("client"), ordering="booking__client__email")
    def client(self, call):
        return call.booking.client

    @admin.display(description=_("expert"), ordering="booking__provider__expert__full_name")
    def expert(self, call):
        return call.booking.provider.expert

    @admin.display(description=_("how it ended"), ordering="ending")
    def how_it_ended(self, call):
        return call.get_ending_display()

    @admin.display(description=_("started"), ordering="started_at")
    def started(self, call):
        return call.started_at

    @admin.display(description=_("ended"), ordering="ended_at")
    def ended(self, call):
        return call.ended_at

    @admin.display(description=_("seconds both connected"))
    def connected_seconds(self, call):
        return call.seconds

    @admin.display(description=_("metered minutes"), ordering="minutes")
    def metered_minutes(self, call):
        return call.minutes

    @admin.display(description=_("coins captured"), ordering="coins")
    def coins_captured(self, call):
        return call.coins

    @admin.display(description=_("recordings"), ordering="recording_count")
    def recording_count(self, call):
        return call.recording_count

    @admin.display(description=_("whiteboard kept"), boolean=True)
    def whiteboard_kept(self, call):
        return bool(call.whiteboard)

    @admin.display(description=_("both agreed to record"), boolean=True)
    def recording_agreed(self, call):
        return call.recording_agreed
