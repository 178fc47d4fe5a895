"""State changes of the CMS core: product rankings from recent orders, newsletter subscriptions."""

from collections import Counter, defaultdict
from datetime import timedelta
from itertools import combinations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.analytics.models import ProductRanking
from commerce.core import pagecache
from commerce.notifications import notify

from . import caching
from .exceptions import NewsletterTokenInvalid
from .models import NewsletterSubscription
from .newsletter_notices import NEWSLETTER_CONFIRMATION

#: How many products a ranking keeps (blocks show at most 24).
RANKING_SIZE = 48


def compute_product_rankings(*, days=None, now=None):
    """Replace the best-seller and bought-together rankings with those of the last ``days`` days.

    Sold quantities are counted per shop product (a variant counts for its parent, which is what the
    cards show); two products are "bought together" when they appear in the same order. Returns the
    number of rankings written.
    """
    days = days or settings.CMS_RANKING_DAYS
    now = now or timezone.now()
    Line = get_model("order", "Line")
    lines = Line.objects.filter(
        order__date_placed__gte=now - timedelta(days=days), order__date_placed__lte=now, product__isnull=False
    ).values_list("order_id", "product_id", "product__parent_id", "quantity")

    units = Counter()
    baskets = defaultdict(set)
    for order_id, product_id, parent_id, quantity in lines.iterator():
        shown = parent_id or product_id
        units[shown] += quantity
        baskets[order_id].add(shown)

    pairs = Counter()
    for products in baskets.values():
        for first, second in combinations(sorted(products), 2):
            pairs[(first, second)] += 1

    together = defaultdict(Counter)
    for (first, second), count in pairs.items():
        together[first][second] = count
        together[second][first] = count

    def ranked(counter):
        return [pk for pk, _count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))][
            :RANKING_SIZE
        ]

    rows = [
        ProductRanking(
            kind=ProductRanking.Kind.BEST_SELLERS, anchor_id=0, product_ids=ranked(units), computed_at=now
        )
    ]
    flattened = []
    for (first, second), _count in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        for pk in (first, second):
            if pk not in flattened:
                flattened.append(pk)
    rows.append(
        ProductRanking(
            kind=ProductRanking.Kind.BOUGHT_TOGETHER,
            anchor_id=0,
            product_ids=flattened[:RANKING_SIZE],
            computed_at=now,
        )
    )
    rows.extend(
        ProductRanking(
            kind=ProductRanking.Kind.BOUGHT_TOGETHER,
            anchor_id=anchor,
            product_ids=ranked(counter),
            computed_at=now,
        )
        for anchor, counter in together.items()
    )
    with transaction.atomic():
        ProductRanking.objects.all().delete()
        ProductRanking.objects.bulk_create(rows)
        pagecache.invalidate(pagecache.GLOBAL_TAG, caching.RANKINGS_TAG)
    return len(rows)


# --- Newsletter (double opt-in) ---------------------------------------------------------------------


def subscribe(email, *, language, source=""):
    """Record the address and send the confirmation link; signing up again re-sends it.

    Returns the subscription. A confirmed address stays confirmed (no email sent), and the answer
    to the visitor is the same in every case so the form does not reveal who is subscribed.
    """
    email = email.strip().lower()
    with transaction.atomic():
        subscription, created = NewsletterSubscription.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language, "source": source[:255]}
        )
        if subscription.status == NewsletterSubscription.Status.CONFIRMED:
            return subscription
        if not created:
            subscription.status = NewsletterSubscription.Status.PENDING
            subscription.language = language
            subscription.unsubscribed_at = None
            subscription.save(update_fields=["status", "language", "unsubscribed_at"])
        # Each sign-up sends the link again (after commit): one notification per request.
        notify(
            subscription.email,
            NEWSLETTER_CONFIRMATION,
            {"subscription": subscription.pk, "language": language},
            key=f"{subscription.pk}-{timezone.now().isoformat()}",
        )
    return subscription


def confirm(token):
    with transaction.atomic():
        subscription = NewsletterSubscription.objects.select_for_update().filter(token=token).first()
        if subscription is None:
            raise NewsletterTokenInvalid(token)
        if subscription.status != NewsletterSubscription.Status.CONFIRMED:
            subscription.status = NewsletterSubscription.Status.CONFIRMED
            subscription.confirmed_at = timezone.now()
            subscription.unsubscribed_at = None
            subscription.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscription


def unsubscribe(token):
    with transaction.atomic():
        subscription = NewsletterSubscription.objects.select_for_update().filter(token=token).first()
        if subscription is None:
            raise NewsletterTokenInvalid(token)
        if subscription.status != NewsletterSubscription.Status.UNSUBSCRIBED:
            subscription.status = NewsletterSubscription.Status.UNSUBSCRIBED
            subscription.unsubscribed_at = timezone.now()
            subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription
