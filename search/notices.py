"""What a saved search tells its owner, through ``notify()`` (by their notification preferences)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from commerce.notifications import notify
from commerce.notifications.events import EMAIL, INSTANT, WEBPUSH, Event, register

NEW_MATCH = "search.saved_search_match"

EVENT = Event(
    code=NEW_MATCH,
    label=_("New results for a saved search"),
    title=_("New for your search “%(search)s”: %(item)s"),
    body=_("Something new matches a search you saved."),
    channels={EMAIL: INSTANT, WEBPUSH: INSTANT},
)


def register_events():
    register(EVENT)


def tell_match(saved_search, kind, pk):
    """After commit, tell the owner about item ``pk`` (keyed by search and item: told once)."""
    item, url = _describe(kind, pk)
    user = saved_search.user

    def send():
        notify(
            user,
            NEW_MATCH,
            {"search": saved_search.label, "item": item, "url": url},
            key=f"saved-{saved_search.pk}-{kind}-{pk}",
        )

    transaction.on_commit(send)


def _describe(kind, pk):
    if kind == "products":
        from oscar.core.loading import get_model

        product = get_model("catalogue", "Product").objects.get(pk=pk)
        return product.get_title(), product.get_absolute_url()
    from commerce.experts.models import ExpertProfile

    expert = ExpertProfile.objects.get(pk=pk)
    return expert.full_name, expert.get_absolute_url()
