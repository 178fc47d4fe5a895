"""Reads: a person's threads with unread counts, a thread's history (pages, catch-up, search)."""

from django.contrib.postgres.search import SearchQuery
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from .access import visible_threads
from .models import Message, Participant, Thread

#: Full-text configurations a query is read in, matching the trigger filling ``Message.search``.
SEARCH_CONFIGS = ("french", "arabic", "simple")


def with_unread(threads, user):
    """``threads`` annotated with ``unread``: messages after the user's last read one, from others."""
    if user is None or not user.is_authenticated:
        return threads.annotate(unread=Value(0, output_field=IntegerField()))
    last_read = Participant.objects.filter(thread=OuterRef("pk"), user=user).values("last_read_id")[:1]
    return threads.annotate(last_read=Coalesce(Subquery(last_read), Value(0))).annotate(
        unread=Count(
            "messages",
            filter=Q(messages__id__gt=F("last_read"), messages__internal=False) & ~Q(messages__sender=user),
        )
    )


def inbox(user, session=None, *, kind=None, partner=None, status=None):
    """The threads ``user`` may read, newest activity first, with ``unread``."""
    threads = visible_threads(user, session)
    if kind:
        threads = threads.filter(kind=kind)
    if partner is not None:
        threads = threads.filter(partner=partner)
    if status:
        threads = threads.filter(status=status)
    threads = Thread.objects.filter(pk__in=threads.values("pk"))
    threads = threads.select_related("partner", "product", "order", "assigned_to")
    return with_unread(threads, user).order_by(F("last_message_at").desc(nulls_last=True), "-pk")


def unread_total(user, **filters):
    """Unread messages over every thread the user reads (the badge)."""
    if user is None or not user.is_authenticated:
        return 0
    return sum(thread.unread for thread in inbox(user, **filters))


def thread_unread(thread, user):
    return (
        with_unread(Thread.objects.filter(pk=thread.pk), user).values_list("unread", flat=True).first() or 0
    )


def search_query(text):
    """``text`` read as a web search in every configuration: a message matches in any language."""
    query = None
    for config in SEARCH_CONFIGS:
        part = SearchQuery(text, config=config, search_type="websearch")
        query = part if query is None else query | part
    return query


def history(thread, role, *, before=None, after=None, q=None):
    """Messages of ``thread`` the ``role`` may see, newest first; ``after`` gives what a reconnecting
    client missed, ``before`` the page above the oldest shown, ``q`` searches."""
    messages = Message.objects.filter(thread=thread).select_related("sender", "thread__partner")
    if role != Participant.SUPPORT:  # internal notes are support's own
        messages = messages.filter(internal=False)
    if before:
        messages = messages.filter(pk__lt=before)
    if after is not None:
        messages = messages.filter(pk__gt=after)
    if q:
        messages = messages.filter(search=search_query(q))
    return messages.order_by("-pk")


def search_messages(user, text, session=None):
    """Messages matching ``text`` in every thread the user reads (internal notes for support only)."""
    threads = visible_threads(user, session)
    messages = Message.objects.filter(thread__in=threads.values("pk"), search=search_query(text))
    return messages.filter(internal=False).select_related("thread", "sender").order_by("-pk")
