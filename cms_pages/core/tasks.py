"""Celery tasks of the CMS: thin, safe to run twice."""

from celery import shared_task
from django.core.management import call_command


@shared_task(acks_late=True)
def compute_product_rankings():
    """Best-sellers and "often bought together" from the last 30 days of orders (beat schedule)."""
    from .services import compute_product_rankings as compute

    return compute()


@shared_task(acks_late=True)
def publish_scheduled_pages():
    """Wagtail's ``publish_scheduled``: publish pages whose start passed, unpublish expired ones."""
    call_command("publish_scheduled")


@shared_task(acks_late=True)
def sync_translation_source(page_id):
    """After a French page is published: refresh the strings its translators see (wagtail-localize)."""
    from wagtail.models import Page

    from .translation_status import sync_source

    page = Page.objects.filter(pk=page_id).first()
    return bool(page) and sync_source(page)
