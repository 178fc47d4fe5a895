"""Keeps the indexes in step with the database: after commit, a Celery task re-indexes what changed
(products, and experts: a profile saved, approved or hidden).

django-elasticsearch-dsl calls this processor on every model save/delete; it only works out which
products are affected and schedules ``search.tasks`` once the transaction commits (robustly: a
broker or search outage is logged, never turned into a failed request).
"""

import logging

from django.db import transaction
from django_elasticsearch_dsl.signals import RealTimeSignalProcessor
from oscar.core.loading import get_model

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ExpertProfile = get_model("experts", "ExpertProfile")
Verification = get_model("experts", "Verification")
Domain = get_model("experts", "Domain")
RatingSummary = get_model("consultations", "RatingSummary")
Provider = get_model("bookings", "Provider")
#: Bookings rows whose change moves an expert's next free slot (through their ``provider``).
AVAILABILITY_MODELS = tuple(
    get_model("bookings", name) for name in ("WeeklyRule", "DateOverride", "ExternalBusy", "Booking")
)


def affected_product_ids(instance):
    """Ids of the indexed (parent or standalone) products whose document depends on ``instance``."""
    if isinstance(instance, Product):
        return [instance.parent_id or instance.pk]
    if isinstance(instance, StockRecord):
        product = instance.product
        return [product.parent_id or product.pk]
    return []


def affected_expert_ids(instance):
    """Ids of the expert documents that depend on ``instance`` (a profile, its verification, its
    ratings' summary, its calendar: hours, busy times, bookings)."""
    if isinstance(instance, ExpertProfile):
        return [instance.pk]
    if isinstance(instance, (Verification, RatingSummary)):
        return [instance.profile_id if isinstance(instance, Verification) else instance.expert_id]
    if isinstance(instance, Provider):
        return [instance.expert_id] if instance.expert_id else []
    if isinstance(instance, AVAILABILITY_MODELS):
        expert_id = (
            Provider.objects.filter(pk=instance.provider_id).values_list("expert_id", flat=True).first()
        )
        return [expert_id] if expert_id else []
    if isinstance(instance, Domain):  # its names are in the documents of its experts
        return list(instance.experts.values_list("pk", flat=True))
    return []


class OnCommitCelerySignalProcessor(RealTimeSignalProcessor):
    def handle_save(self, sender, instance, **kwargs):
        ids = affected_product_ids(instance)
        if ids:
            transaction.on_commit(lambda: _schedule("index_products", ids), robust=True)
        expert_ids = affected_expert_ids(instance)
        if expert_ids:
            transaction.on_commit(lambda: _schedule("index_experts", expert_ids), robust=True)

    def handle_pre_delete(self, sender, instance, **kwargs):
        """Work out the ids before the rows vanish; the delete itself schedules nothing yet."""
        instance._search_affected_ids = affected_product_ids(instance)

    def handle_delete(self, sender, instance, **kwargs):
        ids = getattr(instance, "_search_affected_ids", None) or affected_product_ids(instance)
        if ids:
            transaction.on_commit(lambda: _schedule("index_products", ids), robust=True)
        expert_ids = affected_expert_ids(instance)
        if expert_ids:
            transaction.on_commit(lambda: _schedule("index_experts", expert_ids), robust=True)

    def handle_m2m_changed(self, sender, instance, action, **kwargs):
        if action in ("post_add", "post_remove", "post_clear"):
            self.handle_save(sender, instance)


def on_hours_changed(sender, provider, **kwargs):
    """Weekly hours are written in bulk (no row signal): re-index the provider's expert."""
    if provider.expert_id:
        expert_ids = [provider.expert_id]
        transaction.on_commit(lambda: _schedule("index_experts", expert_ids), robust=True)


def _schedule(task_name, ids):
    from . import tasks  # tasks imports this module

    getattr(tasks, task_name).delay(sorted(set(ids)))
