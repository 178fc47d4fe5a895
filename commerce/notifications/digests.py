"""The digest: emails of noisy events that people asked to receive together, swept by beat.

A notification whose email the recipient wants "in a digest" leaves a ``Delivery`` waiting
(``status="digest"``); beat runs ``send_digests`` (hourly) which sends each person one email with
everything waiting, under row locks taken with ``SKIP LOCKED`` (two sweeps never send the same rows).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .emails import send_digest
from .events import EMAIL
from .models import Delivery


def send_digests():
    """Send every waiting digest, one email per person; returns how many emails left."""
    waiting = Delivery.objects.filter(status=Delivery.DIGEST_PENDING, channel=EMAIL)
    user_ids = waiting.values_list("notification__recipient_id", flat=True).distinct()
    sent = 0
    for user_id in list(user_ids):
        sent += _send_one(user_id)
    return sent


def _send_one(user_id):
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Delivery.DIGEST_PENDING, channel=EMAIL, notification__recipient_id=user_id)
            .select_related("notification")
            .order_by("notification__created_at", "pk")
        )
        if not rows:
            return 0
        user = get_user_model().objects.get(pk=user_id)
        if user.email:
            send_digest(user, [row.notification for row in rows])
        Delivery.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=Delivery.SENT, sent_at=timezone.now()
        )
        return 1 if user.email else 0
