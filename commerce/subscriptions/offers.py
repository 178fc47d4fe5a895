"""The subscriber discount of a plan as an Oscar offer: site-wide, conditioned on an active
subscription to the plan (``ActiveSubscriberCondition``), a percentage off the plan's shop's products
(``SubscriberDiscountBenefit``). Baskets then show and apply it like any other offer."""

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .models import ActiveSubscriberCondition, Plan, SubscriberDiscountBenefit

ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")

ALL_PRODUCTS = "subscriber-discounts-all-products"


def _proxy_path(cls):
    return f"{cls.__module__}.{cls.__name__}"


@transaction.atomic
def sync_offer(plan: Plan):
    """Make the plan's offer match its ``discount_percent`` (opened, updated, or suspended at 0)."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    offer = plan.offer
    if not plan.discount_percent:
        if offer is not None and offer.status != ConditionalOffer.SUSPENDED:
            offer.suspend()
        return offer
    if offer is None:
        every_product = Range.objects.get_or_create(
            slug=ALL_PRODUCTS, defaults={"name": "Subscriber discounts", "includes_all_products": True}
        )[0]
        condition = ActiveSubscriberCondition.objects.create(
            proxy_class=_proxy_path(ActiveSubscriberCondition), range=every_product, value=1
        )
        benefit = SubscriberDiscountBenefit.objects.create(
            proxy_class=_proxy_path(SubscriberDiscountBenefit),
            range=every_product,
            value=plan.discount_percent,
        )
        offer = ConditionalOffer.objects.create(
            name=_("Subscribers of %(plan)s (#%(pk)s)")
            % {"plan": plan.product.get_title()[:80], "pk": plan.pk},
            offer_type=ConditionalOffer.SITE,
            condition=condition,
            benefit=benefit,
            exclusive=False,
        )
        Plan.objects.filter(pk=plan.pk).update(offer=offer)
        return offer
    offer.benefit.value = plan.discount_percent
    offer.benefit.save(update_fields=["value"])
    if offer.status == ConditionalOffer.SUSPENDED:
        offer.unsuspend()
    return offer
