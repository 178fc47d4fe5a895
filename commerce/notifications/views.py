"""The notification centre, its actions and the preferences page: parse input, call services."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import events, selectors, services, webpush
from .models import Notification


@login_required
def centre(request):
    show = request.GET.get("show", "all")
    if show not in selectors.FILTERS:
        show = "all"
    event = request.GET.get("event") or None
    page = Paginator(selectors.notifications_for(request.user, show, event), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "notifications/centre.html",
        {
            "page_obj": page,
            "show": show,
            "event": event,
            "events": events.events_for(request.user),
            "unread": services.unread_count(request.user.pk),
            "filter_choices": [("all", _("Inbox")), ("unread", _("Unread")), ("archived", _("Archived"))],
        },
    )


@login_required
@require_POST
def open_notification(request, pk):
    """Mark read, then follow the notification's link (or come back to the centre)."""
    try:
        notification = services.mark_read(request.user, pk)
    except Notification.DoesNotExist:
        raise Http404 from None
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:centre")


ACTIONS = {
    "read": services.mark_read,
    "unread": services.mark_unread,
    "archive": services.archive,
    "unarchive": lambda user, pk: services.archive(user, pk, archived=False),
}


@login_required
@require_POST
def update(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    try:
        ACTIONS[action](request.user, pk)
    except Notification.DoesNotExist:
        raise Http404 from None
    return _back(request)


@login_required
@require_POST
def read_all(request):
    services.mark_all_read(request.user)
    return _back(request)


def _back(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:centre")


@login_required
def preferences(request):
    columns, rows = selectors.preference_matrix(request.user)
    if request.method == "POST":
        choices = {}
        for event, cells in rows:
            for channel, _mode, _offered in cells:
                value = request.POST.get(f"{event.code}:{channel.name}")
                if value is not None:
                    choices[(event.code, channel.name)] = value
        try:
            services.set_preferences(request.user, choices)
        except services.InvalidPreference:
            messages.error(request, _("That choice is not available; nothing was changed."))
            return redirect("notifications:preferences")
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"columns": columns, "rows": rows, "vapid_public_key": webpush.public_key()},
    )


@login_required
@require_POST
def push_subscribe(request):
    """Store the browser's Push API subscription (JSON body as ``PushSubscription.toJSON()`` gives)."""
    try:
        data = json.loads(request.body)
        webpush.subscribe(request.user, data["endpoint"], data["keys"]["p256dh"], data["keys"]["auth"])
    except (ValueError, KeyError, TypeError, webpush.InvalidSubscription):
        return HttpResponseBadRequest(_("This push subscription is not valid."))
    return JsonResponse({"subscribed": True}, status=201)


def archived_redirect(request):
    """Oscar's archive page (its account menu links there): the centre's archived notifications."""
    return redirect(reverse("notifications:centre") + "?show=archived")
