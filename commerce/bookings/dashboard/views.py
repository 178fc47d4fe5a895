"""``/dashboard/bookings/``: every booking with filters and the bookings per day, for platform
admins; a shop's users see their own shops' bookings (the seller's calendar)."""

from datetime import timedelta

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commerce.bookings.models import Booking, Provider

from .access import sees_all, sees_bookings

PER_PAGE = 50


class BookingFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=[("", "—"), *Booking.Status.choices]
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), required=False, choices=[("", "—"), *Booking.Kind.choices]
    )
    since = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=gettext_lazy("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    client = forms.CharField(label=gettext_lazy("Client email"), required=False)


def bookings(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), "dashboard-login")
    if not sees_bookings(request.user):
        raise PermissionDenied
    rows = Booking.objects.exclude(status=Booking.Status.RELEASED).select_related(
        "client", "provider__expert", "provider__partner", "product"
    )
    if not sees_all(request.user):
        rows = rows.filter(provider__partner__users=request.user)
    form = BookingFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            rows = rows.filter(status=data["status"])
        if data["kind"]:
            rows = rows.filter(kind=data["kind"])
        if data["since"]:
            rows = rows.filter(start__date__gte=data["since"])
        if data["until"]:
            rows = rows.filter(start__date__lte=data["until"])
        if data["client"]:
            rows = rows.filter(client__email__icontains=data["client"])
    today = timezone.localdate()
    per_day = (
        rows.filter(start__date__gte=today - timedelta(days=14), start__date__lte=today + timedelta(days=14))
        .annotate(day=TruncDate("start"))
        .values("day")
        .annotate(count=Count("pk"))
        .order_by("day")
    )
    context = {
        "page_title": _("Bookings"),
        "shops": Provider.objects.filter(partner__users=request.user).select_related("partner"),
        "form": form,
        "per_day": per_day,
        "page_obj": Paginator(rows.order_by("-start"), PER_PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "bookings/dashboard/bookings.html", context)
