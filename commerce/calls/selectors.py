"""Reads of calls: who a person is in a booking's call, what the meter shows, the ICE servers."""

import base64
import hashlib
import hmac
import time
from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from . import metering
from .models import Call, Heartbeat


def role_of(booking, user):
    """``"client"``, ``"expert"`` or ``None``: the place of ``user`` in ``booking``'s call."""
    if user is None or not user.is_authenticated or booking.kind != "call":
        return None
    if booking.client_id == user.pk:
        return Call.CLIENT
    expert = booking.provider.expert
    if expert is not None and expert.user_id == user.pk:
        return Call.EXPERT
    return None


def held_minutes(call):
    """Minutes paid for: the booking's, and every extension's."""
    extra = call.extensions.aggregate(total=Sum("minutes"))["total"] or 0
    return call.booking.minutes + extra


def reading(call, limit=None):
    """The meter rebuilt from the stored heartbeats (``metering.read``)."""
    beats = {Call.CLIENT: [], Call.EXPERT: []}
    for role, at in Heartbeat.objects.filter(call=call).values_list("role", "at"):
        beats[role].append(at)
    return metering.read(
        beats[Call.CLIENT],
        beats[Call.EXPERT],
        max_gap=settings.CALLS_MAX_GAP_SECONDS,
        minimum=call.minimum_minutes,
        limit=held_minutes(call) if limit is None else limit,
    )


def meter_frame(call, limit=None):
    """What both sides show live: seconds together, minutes and coins charged so far, the limit."""
    limit = held_minutes(call) if limit is None else limit
    now = reading(call, limit)
    return {
        "type": "meter",
        "seconds": int(now.seconds),
        "minutes": now.minutes,
        "coins": now.minutes * call.price_per_minute,
        "limit_minutes": limit,
        "started": now.started,
    }


def turn_credentials(call, user, now=None):
    """coturn's ``use-auth-secret`` REST scheme: the username is ``<expiry>:<name>``, the password
    the base64 HMAC-SHA1 of the username under the shared secret; coturn refuses it after expiry."""
    expiry = int(now if now is not None else time.time()) + settings.CALLS_TURN_TTL_SECONDS
    username = f"{expiry}:call{call.pk}u{user.pk}"
    digest = hmac.new(settings.CALLS_TURN_SECRET.encode(), username.encode(), hashlib.sha1).digest()
    return username, base64.b64encode(digest).decode()


def ice_servers(call, user):
    """The RTCPeerConnection's ``iceServers``: STUN, and TURN with credentials for this call."""
    servers = []
    if settings.CALLS_STUN_URLS:
        servers.append({"urls": list(settings.CALLS_STUN_URLS)})
    if settings.CALLS_TURN_URLS and settings.CALLS_TURN_SECRET:
        username, credential = turn_credentials(call, user)
        servers.append(
            {"urls": list(settings.CALLS_TURN_URLS), "username": username, "credential": credential}
        )
    return servers


def peer_present(call, role):
    """Whether the other participant's socket sent a heartbeat within the allowed gap."""
    other = Call.EXPERT if role == Call.CLIENT else Call.CLIENT
    since = timezone.now() - timedelta(seconds=settings.CALLS_MAX_GAP_SECONDS)
    return Heartbeat.objects.filter(call=call, role=other, at__gte=since).exists()


def summary(call):
    """A call's summary for the booking pages and the end of the call."""
    return {
        "status": call.status,
        "ending": call.ending,
        "ending_label": call.get_ending_display() if call.ending else "",
        "seconds": call.seconds,
        "minutes": call.minutes,
        "coins": call.coins,
        "has_whiteboard": bool(call.whiteboard),
        "recordings": [recording.pk for recording in call.recordings.all()],
    }


def summary_frame(call):
    return {"type": "ended", **summary(call)}
