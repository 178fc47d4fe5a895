"""Sellers edit their own plans in the dashboard (another shop's answer 404): billing, benefits,
price — a new Stripe price for new subscribers while current ones keep theirs — and archiving."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from commerce.subscriptions import services
from commerce.subscriptions.exceptions import PlanArchived
from commerce.subscriptions.models import Plan, Subscription
from tests.factories import make_user
from tests.factories.sellers import make_seller
from tests.factories.subscriptions import live_periods, make_plan, subscribe

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.usefixtures("english")


def edit_url(plan):
    return f"/dashboard/subscriptions/plans/{plan.pk}/"


def form_data(**changes):
    return {
        "interval": "month",
        "trial_days": 0,
        "coins_per_period": 20,
        "discount_percent": "0",
        "price": "39.000",
        **changes,
    }


@pytest.fixture
def seller(client, plan):
    user = make_seller(Partner.objects.get(name="Jebba & Co"))
    client.force_login(user)
    return user


def test_a_seller_edits_its_plan_and_the_form_says_current_subscribers_keep_their_price(client, seller, plan):
    page = client.get(edit_url(plan))
    assert page.status_code == 200
    assert b"current subscribers keep the price they subscribed at" in page.content

    response = client.post(
        edit_url(plan),
        form_data(
            interval="quarter", trial_days=14, coins_per_period=70, discount_percent="15", price="99.000"
        ),
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.interval, plan.trial_days, plan.coins_per_period) == ("quarter", 14, 70)
    assert plan.discount_percent == Decimal("15") and plan.offer.benefit.value == Decimal("15")
    assert plan.product.stockrecords.get().price == Decimal("99.000")
    assert client.get("/dashboard/subscriptions/plans/").context["plans"].get() == plan


def test_another_shops_plan_is_not_found_and_stays_as_it_was(client, seller):
    other = make_plan("Cloud 100 Go (annuel)", "120.000", shop="Carthage Digital", interval="year")

    assert client.get(edit_url(other)).status_code == 404
    assert client.post(edit_url(other), form_data(price="1.000")).status_code == 404

    other.refresh_from_db()
    assert other.interval == "year" and other.product.stockrecords.get().price == Decimal("120.000")
    assert list(client.get("/dashboard/subscriptions/plans/").context["plans"]) != [other]


def test_bad_input_is_refused_and_writes_nothing(client, seller, plan):
    response = client.post(edit_url(plan), form_data(discount_percent="150", price="-1"))

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"discount_percent", "price"}
    plan.refresh_from_db()
    assert plan.discount_percent == 0 and plan.product.stockrecords.get().price == Decimal("39.000")


def test_a_new_price_is_for_new_subscribers_while_current_ones_keep_theirs(
    client, stripe_fake, seller, subscriber, plan, on_commit
):
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)
    old_price = Plan.objects.get(pk=plan.pk).stripe_price_id

    client.post(edit_url(plan), form_data(price="45.000"))
    newcomer = make_user("sami@example.com")
    with on_commit():
        subscribe(client, stripe_fake, newcomer, plan)
        live_periods(client, stripe_fake, Subscription.objects.get(user=subscriber))

    plan.refresh_from_db()
    assert plan.stripe_price_id != old_price
    current, new = (Subscription.objects.get(user=user) for user in (subscriber, newcomer))
    assert (
        stripe_fake.subscriptions[current.stripe_subscription_id]["items"]["data"][0]["price"]["id"]
        == old_price
    )
    assert (current.amount, new.amount) == (Decimal("39.000"), Decimal("45.000"))
    assert current.invoices.get(billing_reason="subscription_cycle").order.total_incl_tax == Decimal("39.000")


def test_an_archived_plan_takes_no_new_subscriber_but_current_ones_renew(
    client, stripe_fake, seller, subscriber, plan, on_commit
):
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)

    client.post(edit_url(plan), form_data(archived="on"))

    with pytest.raises(PlanArchived):
        services.start_checkout(
            make_user("sami@example.com"), plan.product, success_url="http://x/", cancel_url="http://x/"
        )
    assert b"data-plan-archived" in client.get(plan.product.get_absolute_url()).content
    sub = Subscription.objects.get(user=subscriber)
    with on_commit():
        live_periods(client, stripe_fake, sub)
    assert sub.invoices.filter(billing_reason="subscription_cycle", status="paid").exists()
