"""Booking pages: the week calendar of free slots (expert call, service), the client's bookings,
the provider's calendar and availability editor, and the secret calendar feeds.

Views parse the request and call ``services``; a refused booking shows its translated reason.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from commerce.experts import selectors as experts
from commerce.wallet.exceptions import InsufficientCoins

from . import calendar, ics, selectors, services
from .exceptions import BookingError, SlotTaken
from .forms import DateForm, ProviderSettingsForm, WeeklyHoursForm
from .fulfilment import duration_of
from .models import Booking, CalendarFeed, Provider

Product = get_model("catalogue", "Product")

#: ``?pay=`` value of a service booked without checkout, paid at the appointment.
AT_APPOINTMENT = "appointment"

#: Call lengths offered beside the expert's minimum (minutes).
LENGTHS = (15, 30, 45, 60, 90)


def _parse_start(value):
    try:
        start = datetime.fromisoformat(value or "")
    except ValueError:
        return None
    return start if start.tzinfo else None


def _calendar_context(request, provider, duration, *, exclude=None):
    zone = calendar.visitor_zone(request)
    first = calendar.first_day(request, zone)
    return {
        "zone": zone,
        "days": calendar.week(provider, duration, zone, first, exclude=exclude),
        "previous_week": (first - timedelta(days=7)).isoformat()
        if first > timezone.now().astimezone(zone).date()
        else None,
        "next_week": (first + timedelta(days=7)).isoformat(),
        "provider": provider,
    }


def _refused(request, error):
    messages.error(request, error.message)
    if isinstance(error, SlotTaken) and error.alternatives:
        zone = calendar.visitor_zone(request)
        times = ", ".join(f"{start.astimezone(zone):%d/%m %H:%M}" for start, _end in error.alternatives)
        messages.info(request, _("Nearest free times: %(times)s") % {"times": times})


def book_expert(request, slug):
    """An expert's free call slots for the week; a signed-in client books one (coins held)."""
    expert = experts.listed_expert(slug)
    if expert.call_price_per_minute is None:
        raise Http404
    provider = selectors.provider_of_expert(expert)
    try:
        minutes = max(
            int(request.POST.get("minutes") or request.GET.get("minutes") or 0), expert.call_minimum_minutes
        )
    except ValueError:
        minutes = expert.call_minimum_minutes
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        start = _parse_start(request.POST.get("start"))
        if start is None:
            messages.error(request, _("Choose a time in the calendar."))
        else:
            try:
                booking = services.book_call(request.user, expert, start, minutes)
            except InsufficientCoins:
                messages.error(request, _("You do not have enough coins for this call. Top up your wallet."))
            except BookingError as error:
                _refused(request, error)
            else:
                if booking.status == Booking.Status.CONFIRMED:
                    messages.success(request, _("Your call is booked and confirmed."))
                else:
                    messages.success(request, _("Your request was sent; the expert will answer soon."))
                return redirect("bookings:mine")
    context = _calendar_context(request, provider, timedelta(minutes=minutes))
    context.update(
        expert=expert,
        minutes=minutes,
        minute_choices=sorted(
            {expert.call_minimum_minutes, *(m for m in LENGTHS if m >= expert.call_minimum_minutes)}
        ),
        coins=minutes * expert.call_price_per_minute,
        page_title=_("Book a call with %(name)s") % {"name": expert.full_name},
    )
    return render(request, "bookings/book.html", context)


def book_service(request, pk):
    """A service's free slots for the week; choosing one holds it and puts the service in the basket."""
    product = get_object_or_404(Product, pk=pk, is_public=True)
    duration = duration_of(product)
    if duration is None:
        raise Http404
    provider = selectors.provider_of_product(product)
    at_appointment = (request.POST.get("pay") or request.GET.get("pay")) == AT_APPOINTMENT and bool(
        provider and provider.pay_at_appointment
    )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        start = _parse_start(request.POST.get("start"))
        if start is None:
            messages.error(request, _("Choose a time in the calendar."))
        else:
            try:
                if at_appointment:
                    booking = services.book_service_at_appointment(request.user, product, start)
                else:
                    services.book_service(request.user, request.basket, product, start)
            except BookingError as error:
                _refused(request, error)
            else:
                if not at_appointment:
                    messages.success(request, _("The time is kept for you while you pay."))
                    return redirect("basket:summary")
                if booking.status == Booking.Status.CONFIRMED:
                    messages.success(request, _("Your appointment is booked; you pay at the appointment."))
                else:
                    messages.success(request, _("Your request was sent; the shop will answer soon."))
                return redirect("bookings:mine")
    context = _calendar_context(request, provider, duration)
    context.update(
        pay=AT_APPOINTMENT if at_appointment else "",
        offers_pay_at_appointment=bool(provider and provider.pay_at_appointment),
        product=product,
        minutes=int(duration.total_seconds() // 60),
        page_title=_("Book %(title)s") % {"title": product.get_title()},
    )
    return render(request, "bookings/book.html", context)


@login_required
def mine(request):
    """The client's bookings: upcoming (cancel, accept a proposed time, add to calendar) and past."""
    now = timezone.now()
    bookings = selectors.bookings_of_client(request.user).exclude(status=Booking.Status.HELD)
    feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
    upcoming = list(bookings.filter(end__gte=now).order_by("start"))
    for booking in upcoming:
        booking.proposed = [(value, datetime.fromisoformat(value)) for value in booking.proposals]
    context = {
        "page_title": _("My bookings"),
        "active_tab": "bookings",
        "upcoming": upcoming,
        "past": bookings.filter(end__lt=now).order_by("-start")[:50],
        "feed_url": request.build_absolute_uri(reverse("bookings:feed", args=[feed.token])),
        "zone": calendar.visitor_zone(request),
    }
    return render(request, "bookings/mine.html", context)


@login_required
def reschedule(request, pk):
    """The week of free times a booking can move to; choosing one moves it (the services check
    who may move it, and until when)."""
    booking = get_object_or_404(Booking, pk=pk)
    if booking.client_id != request.user.pk and not booking.provider.managed_by(request.user):
        raise Http404
    if request.method == "POST":
        start = _parse_start(request.POST.get("start"))
        if start is None:
            messages.error(request, _("Choose a time in the calendar."))
        else:
            try:
                services.reschedule(booking, by=request.user, start=start)
            except InsufficientCoins:
                messages.error(request, _("You do not have enough coins for this call. Top up your wallet."))
            except BookingError as error:
                _refused(request, error)
            else:
                messages.success(request, _("The booking is moved; the other side is told."))
                if booking.provider.managed_by(request.user):
                    return redirect(f"{reverse('bookings:provider')}?provider={booking.provider_id}")
                return redirect("bookings:mine")
    context = _calendar_context(request, booking.provider, booking.end - booking.start, exclude=booking)
    context.update(
        booking=booking,
        minutes=None,
        page_title=_("Move my booking"),
        current=booking.start.astimezone(calendar.visitor_zone(request)),
    )
    return render(request, "bookings/reschedule.html", context)


@login_required
@require_POST
def act(request, pk):
    """A client's or a provider's answer on one booking (the services check who may do what)."""
    booking = get_object_or_404(Booking, pk=pk)
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")
    try:
        if action == "cancel":
            services.cancel(booking, by=request.user, reason=reason)
            messages.success(request, _("The booking is cancelled."))
        elif action == "accept":
            start = _parse_start(request.POST.get("start"))
            if start is None:
                raise BookingError
            services.accept_proposal(booking, by=request.user, start=start)
            messages.success(request, _("The booking is confirmed."))
        elif action == "confirm":
            services.confirm(booking, by=request.user)
            messages.success(request, _("The booking is confirmed."))
        elif action == "decline":
            services.decline(booking, by=request.user, reason=reason)
            messages.success(request, _("The request is declined; the client's coins went back."))
        elif action == "paid":
            services.mark_paid(booking, by=request.user)
            messages.success(request, _("Marked as paid."))
        elif action == "no_show":
            services.mark_no_show(booking, by=request.user)
            messages.success(request, _("Marked as a no-show."))
        elif action == "propose":
            starts = [_parse_start(value) for value in request.POST.getlist("start") if value]
            if not starts or None in starts:
                raise BookingError(_("Choose at least one time to propose."))
            services.propose(booking, by=request.user, starts=starts)
            messages.success(request, _("Your proposal was sent to the client."))
        else:
            raise Http404
    except BookingError as error:
        _refused(request, error)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = reverse("bookings:mine")
    return redirect(target)


def _managed_provider(request):
    """The provider the signed-in user runs: ``?provider=<id>`` for a shop, else their expert profile's."""
    managed = selectors.providers_managed_by(request.user)
    wanted = request.GET.get("provider") or request.POST.get("provider")
    if wanted:
        provider = managed.filter(pk=wanted).first()
    else:
        provider = managed.filter(expert__isnull=False).first()
        if provider is None and hasattr(request.user, "expert_profile"):
            provider = services.provider_for_expert(request.user.expert_profile)
    if provider is None:
        raise Http404
    return provider


def _proposal_day(request):
    """The day a provider asked to see free times of (``?day=YYYY-MM-DD``), to propose them."""
    try:
        return date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return None


@login_required
def provider_calendar(request):
    """The provider's coming bookings for the week (confirm, decline, propose, cancel)."""
    provider = _managed_provider(request)
    zone = provider.zone
    first = calendar.first_day(request, zone)
    start, end = calendar.local_day_range(first, 7, zone)
    bookings = (
        selectors.bookings_of_provider(provider)
        .filter(start__gte=start, start__lt=end)
        .exclude(status=Booking.Status.CANCELLED)
        .order_by("start")
    )
    days = {first + timedelta(days=i): [] for i in range(7)}
    for booking in bookings:
        days.setdefault(booking.start.astimezone(zone).date(), []).append(booking)
    pending = list(
        selectors.bookings_of_provider(provider)
        .filter(status=Booking.Status.PENDING, start__gte=timezone.now())
        .order_by("start")
    )
    proposal_day, proposing = _proposal_day(request), request.GET.get("propose")
    for booking in pending:
        duration = booking.end - booking.start
        booking.alternatives = [
            start for start, _end in selectors.alternatives(provider, booking.start, duration, 4)
        ]
        if proposal_day and proposing == str(booking.pk):
            day_start, day_end = calendar.local_day_range(proposal_day, 1, zone)
            booking.proposal_day = proposal_day
            booking.day_slots = [
                start
                for start, _end in selectors.free_slots(
                    provider, day_start, day_end, duration, exclude=booking
                )
                if start not in booking.alternatives
            ]
    context = {
        "page_title": _("My calendar"),
        "provider": provider,
        "zone": zone,
        "days": sorted(days.items()),
        "pending": pending,
        "week": first.isoformat(),
        "next_week": (first + timedelta(days=7)).isoformat(),
        "previous_week": (first - timedelta(days=7)).isoformat(),
        "date_form": DateForm(),
    }
    return render(request, "bookings/provider_calendar.html", context)


@login_required
def provider_month(request):
    """The provider's month: per day, how many bookings and their titles, each day leading to its week."""
    provider = _managed_provider(request)
    zone = provider.zone
    first = calendar.month_of(request, zone)
    weeks = calendar.month_weeks(first)
    start, end = calendar.local_day_range(weeks[0][0], 7 * len(weeks), zone)
    by_day = {}
    for booking in (
        selectors.bookings_of_provider(provider)
        .filter(start__gte=start, start__lt=end)
        .exclude(status__in=(Booking.Status.CANCELLED, Booking.Status.HELD))
        .order_by("start")
    ):
        by_day.setdefault(booking.start.astimezone(zone).date(), []).append(booking)
    today = timezone.now().astimezone(zone).date()
    context = {
        "page_title": _("My month"),
        "provider": provider,
        "zone": zone,
        "month": first,
        "weeks": [
            [(day, by_day.get(day, []), day.month == first.month, day == today) for day in days]
            for days in weeks
        ],
        "weekdays": weeks[0],
        "previous_month": calendar.shift_month(first, -1).strftime("%Y-%m"),
        "next_month": calendar.shift_month(first, 1).strftime("%Y-%m"),
    }
    return render(request, "bookings/provider_month.html", context)


@login_required
def availability(request):
    """The availability editor: weekly hours, settings, days off, imported calendar; with the
    coming week's resulting slots as a preview."""
    provider = _managed_provider(request)
    hours_form = WeeklyHoursForm(provider=provider)
    settings_form = ProviderSettingsForm(instance=provider)
    date_form = DateForm()
    if request.method == "POST":
        part = request.POST.get("part")
        if part == "hours":
            hours_form = WeeklyHoursForm(request.POST, provider=provider)
            if hours_form.is_valid():
                services.set_weekly_hours(provider, hours_form.cleaned_data["hours"])
                messages.success(request, _("Your weekly hours are saved."))
                return redirect(request.get_full_path())
        elif part == "settings":
            settings_form = ProviderSettingsForm(request.POST, instance=provider)
            if settings_form.is_valid():
                try:
                    services.update_settings(provider, **settings_form.cleaned_data)
                except BookingError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, _("Your booking settings are saved."))
                    return redirect(request.get_full_path())
        elif part == "date":
            date_form = DateForm(request.POST)
            if date_form.is_valid():
                services.set_date(provider, date_form.cleaned_data["date"], date_form.cleaned_data["hours"])
                messages.success(request, _("That day is saved."))
                return redirect(request.get_full_path())
        elif part == "clear-date":
            form = DateForm(request.POST)
            if form.is_valid():
                services.clear_date(provider, form.cleaned_data["date"])
            return redirect(request.get_full_path())
        if not any(form.errors for form in (hours_form, settings_form, date_form)):
            return redirect(request.get_full_path())
    context = _calendar_context(request, provider, _preview_length(provider))
    context.update(
        page_title=_("My availability"),
        hours_form=hours_form,
        settings_form=settings_form,
        date_form=date_form,
        overrides=provider.date_overrides.filter(date__gte=timezone.now().date()),
    )
    return render(request, "bookings/availability.html", context)


def _preview_length(provider):
    """The booking length the editor's preview shows slots for: the expert's shortest call, or an hour."""
    return timedelta(minutes=provider.expert.call_minimum_minutes if provider.expert_id else 60)


@login_required
@require_POST
def availability_preview(request):
    """The coming week's slots as the editor's unsaved hours and settings would give them (an HTML
    fragment the editor's script swaps in as the provider types); nothing is saved. Hours or
    settings that do not validate are previewed as saved, and the fragment says so."""
    provider = _managed_provider(request)
    hours_form = WeeklyHoursForm(request.POST, provider=provider)
    settings_form = ProviderSettingsForm(request.POST, instance=Provider.objects.get(pk=provider.pk))
    edited = settings_form.instance if settings_form.is_valid() else provider
    availability = selectors.availability_of(edited)
    if hours_form.is_valid():
        availability = replace(availability, weekly=hours_form.cleaned_data["hours"])
    zone = calendar.visitor_zone(request)
    first = timezone.now().astimezone(zone).date()
    context = {
        "zone": zone,
        "days": calendar.week(provider, _preview_length(provider), zone, first, availability=availability),
        "invalid": bool(hours_form.errors or settings_form.errors),
    }
    return render(request, "bookings/includes/preview.html", context)


def feed(request, token):
    """A person's secret calendar: their confirmed bookings as a client and as a provider."""
    owner = get_object_or_404(CalendarFeed, token=token).user
    providers = selectors.providers_managed_by(owner)
    bookings = (
        Booking.objects.filter(status=Booking.Status.CONFIRMED)
        .filter(Q(client=owner) | Q(provider__in=providers))
        .select_related("provider__expert", "provider__partner", "product")
    )
    response = HttpResponse(
        ics.export(bookings, name=_("My bookings")), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="bookings.ics"'
    return response


def booking_ics(request, pk):
    """One booking as an ``.ics`` file ("add to my calendar"), for its client or provider."""
    booking = get_object_or_404(Booking, pk=pk)
    if booking.client_id != request.user.pk and not booking.provider.managed_by(request.user):
        raise Http404
    response = HttpResponse(ics.export([booking]), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="booking-{booking.pk}.ics"'
    return response
