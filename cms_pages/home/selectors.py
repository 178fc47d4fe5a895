"""Reads for the Wagtail home of Marketing: its promo pages by where they stand."""

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Revision, Site

PROMOS_PER_GROUP = 10


def promo_parent():
    """Where "New promo page" creates one: the default site's home page (French)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def promos_by_status(limit=PROMOS_PER_GROUP):
    """{"drafts", "scheduled", "live"}: promo pages not yet live, approved to start later, on the site.

    "Scheduled" is a revision approved with a start date (Wagtail publishes it then); a live promo
    past its end, which the scheduler has not yet unpublished, is no longer "live" here.
    """
    from cms_pages.landing.models import PromoPage

    now = timezone.now()
    scheduled_start = Subquery(
        Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), output_field=CharField()), approved_go_live_at__isnull=False
        )
        .order_by("-created_at")
        .values("approved_go_live_at")[:1]
    )
    promos = PromoPage.objects.annotate(scheduled_start=scheduled_start).select_related("locale")
    not_live = promos.filter(live=False)
    return {
        "drafts": list(not_live.filter(scheduled_start=None).order_by("-latest_revision_created_at")[:limit]),
        "scheduled": list(not_live.exclude(scheduled_start=None).order_by("scheduled_start")[:limit]),
        "live": list(
            promos.filter(live=True).exclude(expire_at__lte=now).order_by("expire_at", "-pk")[:limit]
        ),
    }
