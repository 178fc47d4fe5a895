"""Reads of paid messages: the client's consultations, the expert's inbox, one message for the
person allowed to see it (anyone else gets ``None``: a 404, so ids cannot be probed)."""

from datetime import timedelta

from django.db.models import Avg, Case, DurationField, ExpressionWrapper, F, IntegerField, Q, Value, When
from django.utils import timezone

from .models import PaidMessage, Rating

_RELATED = ("expert", "client", "hold", "rating")


def messages_of_client(user):
    """The client's messages, newest first (pending and resolved)."""
    return PaidMessage.objects.filter(client=user).select_related(*_RELATED).order_by("-created_at", "-pk")


def inbox_of_expert(user, *, status=None):
    """Messages to the expert's profile: those waiting first, soonest deadline first."""
    messages = PaidMessage.objects.filter(expert__user=user).select_related(*_RELATED)
    if status:
        messages = messages.filter(status=status)
    waiting_first = Case(
        When(status=PaidMessage.Status.AWAITING_REPLY, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return messages.order_by(waiting_first, "deadline", "-pk")


def messages_for(user, *, role=None):
    """What ``GET /api/messages/`` lists: as the client, as the expert, or both."""
    rule = Q()
    if role in (None, "client"):
        rule |= Q(client=user)
    if role in (None, "expert"):
        rule |= Q(expert__user=user)
    return PaidMessage.objects.filter(rule).select_related(*_RELATED).order_by("-created_at", "-pk")


def message_for(user, pk):
    """The message if ``user`` is its client or its expert, else ``None``."""
    if not user.is_authenticated:
        return None
    return (
        PaidMessage.objects.filter(Q(client=user) | Q(expert__user=user), pk=pk)
        .select_related(*_RELATED)
        .first()
    )


def published_ratings(expert):
    """The expert's ratings an admin published, newest first (for the public profile)."""
    return (
        Rating.objects.filter(message__expert=expert, status=Rating.Status.APPROVED)
        .select_related("message__client")
        .order_by("-created_at")
    )


def pending_count(user):
    return PaidMessage.objects.filter(expert__user=user, status=PaidMessage.Status.AWAITING_REPLY).count()


#: The answers an expert's usual response time is measured on: those of the last days.
RESPONSE_TIME_DAYS = 90


def response_time(expert):
    """How long the expert took to answer, on average, over the last ``RESPONSE_TIME_DAYS`` (a
    ``timedelta``), or ``None`` before a first answer: shown on the profile so a client knows what
    to expect within the answer deadline."""
    since = timezone.now() - timedelta(days=RESPONSE_TIME_DAYS)
    waited = ExpressionWrapper(F("answered_at") - F("created_at"), output_field=DurationField())
    return PaidMessage.objects.filter(
        expert=expert, status=PaidMessage.Status.ANSWERED, answered_at__gte=since
    ).aggregate(average=Avg(waited))["average"]
