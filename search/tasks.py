"""Index maintenance tasks: idempotent, safe to run twice or out of order."""

import datetime

from celery import shared_task
from django.utils import timezone
from elasticsearch import ApiError, NotFoundError, TransportError
from oscar.core.loading import get_model

from . import services
from .documents import ExpertDocument, ProductDocument

Product = get_model("catalogue", "Product")
ExpertProfile = get_model("experts", "ExpertProfile")


@shared_task(
    acks_late=True,
    autoretry_for=(TransportError,),
    retry_backoff=True,
    max_retries=5,
)
def index_products(product_ids):
    """Write the current state of these products: index the browsable ones, drop the others; then
    alert the saved searches the new ones match."""
    result = _sync(ProductDocument(), product_ids)
    result["alerted"] = services.alert_new_matches("products", result.pop("present"))
    return result


@shared_task(
    acks_late=True,
    autoretry_for=(TransportError,),
    retry_backoff=True,
    max_retries=5,
)
def index_experts(expert_ids):
    """Write the current state of these experts: their next free slot first (the document and the
    database fallback read it), then index the listed ones and drop the others."""
    services.refresh_expert_availability(expert_ids)
    result = _sync(ExpertDocument(), expert_ids)
    result["alerted"] = services.alert_new_matches("experts", result.pop("present"))
    return result


def _ensure_index(document):
    """Create the document's index with its mapping when it does not exist yet: an update before
    the first rebuild would let the search server guess the mapping (keyword fields as text), and
    every faceted query on that index would then be refused."""
    index = document._index
    if index.exists():
        return
    try:
        index.create()
    except ApiError:
        if not index.exists():  # else a concurrent task created it first
            raise


def _sync(document, ids):
    present = list(document.get_queryset().filter(pk__in=ids))
    if present:
        _ensure_index(document)
        document.update(present)
    gone = set(ids) - {instance.pk for instance in present}
    for pk in gone:
        try:
            document._get_connection().delete(index=document._index._name, id=pk)
        except NotFoundError:
            pass
        except ApiError:
            raise
    return {"indexed": len(present), "removed": len(gone), "present": [i.pk for i in present]}


@shared_task(acks_late=True)
def reindex_stale_products(minutes=30):
    """Safety net for missed updates: re-index products changed in the last ``minutes``."""
    since = timezone.now() - datetime.timedelta(minutes=minutes)
    ids = list(Product.objects.browsable().filter(date_updated__gte=since).values_list("pk", flat=True))
    if ids:
        index_products.delay(ids)
    return len(ids)


@shared_task(acks_late=True)
def refresh_expert_availability():
    """Hourly: every listed expert's next free slot again (slots passed unbooked, the date moved,
    changes no signal saw), then their documents."""
    ids = list(ExpertProfile.objects.listed().values_list("pk", flat=True))
    if ids:
        index_experts.delay(ids)
    return len(ids)
