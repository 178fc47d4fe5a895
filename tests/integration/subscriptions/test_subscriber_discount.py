"""A plan's discount on its shop's products, through Oscar's offers: only while the subscription gives
benefits, only on that shop's products (not on the subscription itself, not on other shops')."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_class

from commerce.subscriptions import offers, services
from commerce.subscriptions.models import Subscription
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import basket_with
from tests.factories.subscriptions import live_periods, make_plan, subscribe

Applicator = get_class("offer.applicator", "Applicator")
Selector = get_class("partner.strategy", "Selector")


@pytest.fixture
def discount_plan(db):
    plan = make_plan(discount_percent=Decimal("10"))
    offers.sync_offer(plan)
    return plan


def _discount(user, *products):
    basket = basket_with(*[(product, 1) for product in products], owner=user)
    basket.strategy = Selector().strategy(user=user)
    Applicator().apply(basket, user)
    return basket.total_discount


def test_subscribers_get_the_plans_discount_on_the_shops_products_only(
    client, stripe_fake, subscriber, discount_plan, on_commit
):
    tote = product_for_sale("Couffin", "50.000", shop="Jebba & Co")[0]
    elsewhere = product_for_sale("Clé USB", "30.000", shop="Carthage Digital")[0]
    assert _discount(subscriber, tote) == 0, "not a subscriber yet"

    with on_commit():
        subscribe(client, stripe_fake, subscriber, discount_plan)

    assert _discount(subscriber, tote, elsewhere, discount_plan.product) == Decimal("5.000")


def test_the_discount_stops_when_the_subscription_ends(
    client, stripe_fake, subscriber, discount_plan, on_commit
):
    tote = product_for_sale("Couffin", "50.000", shop="Jebba & Co")[0]
    with on_commit():
        subscribe(client, stripe_fake, subscriber, discount_plan)
        sub = Subscription.objects.get()
        services.cancel_at_period_end(sub)
        assert _discount(subscriber, tote) == Decimal("5.000"), "until the paid period ends"
        live_periods(client, stripe_fake, sub)

    assert _discount(subscriber, tote) == 0


def test_a_plan_without_discount_suspends_its_offer(discount_plan):
    type(discount_plan).objects.filter(pk=discount_plan.pk).update(discount_percent=0)

    offer = offers.sync_offer(discount_plan)

    assert offer.status == offer.SUSPENDED
