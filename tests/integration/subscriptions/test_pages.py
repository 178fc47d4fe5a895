"""The customer's side on the site: the Subscribe button of a plan's product page, "my subscriptions"
with its actions, the plan switch shown before confirming, the demo's plans."""

import pytest

from commerce.subscriptions.models import Plan, Subscription
from tests.factories.subscriptions import make_plan, subscribe

MINE = "/fr/accounts/subscriptions/"


@pytest.fixture
def signed_in(client, subscriber):
    client.force_login(subscriber)
    return client


@pytest.fixture
def sub(signed_in, stripe_fake, subscriber, plan, on_commit):
    with on_commit():
        subscribe(signed_in, stripe_fake, subscriber, plan)
    return Subscription.objects.get()


def test_the_product_page_of_a_plan_has_a_subscribe_button_leading_to_stripe_checkout(
    signed_in, stripe_fake, plan
):
    page = signed_in.get(plan.product.get_absolute_url())
    assert ">S'abonner<" in page.content.decode()
    assert b'id="add_to_basket_form"' not in page.content

    response = signed_in.post(f"/fr/accounts/subscriptions/subscribe/{plan.product.pk}/")

    assert response.status_code == 302 and response.url.startswith(stripe_fake.base_url + "/pay/")
    [session] = stripe_fake.sessions.values()
    assert session["mode"] == "subscription" and session["locale"] == "fr"


def test_my_subscriptions_shows_status_renewal_benefits_and_invoices(signed_in, sub):
    page = signed_in.get(MINE).content.decode()

    assert "Mes abonnements" in page and "actif" in page and "Prochain renouvellement" in page
    assert "20 coins" in page and sub.invoices.get().order.number in page
    assert "Résilier en fin de période" in page


def test_cancel_at_period_end_then_keep_it_from_the_page(signed_in, sub):
    signed_in.post(f"{MINE}{sub.pk}/cancel/")
    sub.refresh_from_db()
    assert sub.cancel_at_period_end
    assert "Garder mon abonnement" in signed_in.get(MINE).content.decode()

    signed_in.post(f"{MINE}{sub.pk}/resume/")
    sub.refresh_from_db()
    assert not sub.cancel_at_period_end


def test_a_bad_pause_is_refused_with_a_message_and_changes_nothing(signed_in, sub):
    page = signed_in.post(f"{MINE}{sub.pk}/pause/", {"periods": "40"}, follow=True).content.decode()

    assert "Mettez en pause pour 1 à 12 périodes." in page
    sub.refresh_from_db()
    assert not sub.is_paused


def test_the_switch_shows_the_proration_before_confirming(signed_in, sub):
    yearly = make_plan("Cours de couture (annuel)", "390.000", interval="year")

    page = signed_in.get(f"{MINE}{sub.pk}/switch/", {"plan": yearly.pk})

    assert page.status_code == 200 and page.context["preview"]["amount"] > 0
    assert "Confirmer le changement" in page.content.decode()
    sub.refresh_from_db()
    assert sub.plan_id != yearly.pk, "nothing changes before confirming"


def test_the_update_card_button_opens_stripes_billing_portal(signed_in, sub, stripe_fake):
    response = signed_in.post(f"{MINE}{sub.pk}/card/")
    assert response.status_code == 302 and response.url.startswith(stripe_fake.base_url + "/portal/")


def test_the_page_speaks_arabic_right_to_left(signed_in, sub):
    page = signed_in.get("/ar/accounts/subscriptions/").content.decode()
    assert 'dir="rtl"' in page and "اشتراكاتي" in page


def test_another_customers_subscription_cannot_be_changed(client, sub, user_in_role):
    client.force_login(user_in_role())
    assert client.post(f"{MINE}{sub.pk}/cancel/").status_code == 404


def test_the_demo_has_a_plan_per_subscription_product(seeded_demo):
    plans = Plan.objects.select_related("offer")
    assert plans.count() >= 3
    assert all(plan.offer is not None and plan.coins_per_period > 0 for plan in plans)
