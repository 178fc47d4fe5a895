"""The web push channel: the browsers a person subscribed (Push API), signed with the VAPID key.

The key is ``NOTIFICATIONS_VAPID_PRIVATE_KEY`` (``manage.py generate_vapid_key`` prints one); without it
the channel is not offered. Endpoints must be ``https`` (the push services browsers use) unless
``NOTIFICATIONS_PUSH_ALLOW_HTTP`` is on (tests talk to a loopback fake push service). A push service
answering 404/410 forgot the subscription: it is deleted.
"""

import base64
import json
import logging
from functools import cache
from urllib.parse import urlparse

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.db import transaction
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from .models import PushSubscription

logger = logging.getLogger(__name__)


class InvalidSubscription(ValueError):
    """The browser's subscription cannot be used (bad endpoint or keys)."""


@cache
def _vapid(private_key):
    return Vapid.from_string(private_key=private_key)


def vapid():
    key = settings.NOTIFICATIONS_VAPID_PRIVATE_KEY
    return _vapid(key) if key else None


def public_key():
    """The application server key a page passes to ``pushManager.subscribe`` (or "" when off)."""
    signer = vapid()
    if signer is None:
        return ""
    raw = signer.public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def is_available(user):
    return vapid() is not None and PushSubscription.objects.filter(user=user).exists()


@transaction.atomic
def subscribe(user, endpoint, p256dh, auth):
    """Store (or move to ``user``) one browser's subscription."""
    parsed = urlparse(endpoint or "")
    allowed = ("https", "http") if settings.NOTIFICATIONS_PUSH_ALLOW_HTTP else ("https",)
    if parsed.scheme not in allowed or not parsed.netloc or not p256dh or not auth:
        raise InvalidSubscription(endpoint)
    if len(endpoint) > 1000 or len(p256dh) > 200 or len(auth) > 100:
        raise InvalidSubscription(endpoint)
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
    )
    return subscription


def send_push(notification):
    """The channel's ``send``: the title, body and link to every browser of the recipient."""
    signer = vapid()
    if signer is None or notification.recipient_id is None:
        return
    data = json.dumps(
        {
            "title": notification.title,
            "body": notification.body,
            "url": notification.absolute_url,
            "tag": str(notification.pk),
        }
    )
    for subscription in PushSubscription.objects.filter(user_id=notification.recipient_id):
        try:
            webpush(
                subscription.subscription_info(),
                data,
                vapid_private_key=signer,
                vapid_claims={"sub": settings.NOTIFICATIONS_VAPID_SUBJECT},
                timeout=10,
                ttl=24 * 3600,
            )
        except WebPushException as error:
            status = getattr(error.response, "status_code", None)
            if status in (404, 410):
                subscription.delete()
                continue
            raise
