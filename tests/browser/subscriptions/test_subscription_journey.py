"""A shopper subscribes in French through the test-mode Stripe page, finds the subscription in "my
subscriptions" and cancels it at the end of the period; the page is looked at on a phone in Arabic."""

import re

import pytest

from tests.factories import make_user
from tests.factories.stripe import WEBHOOK_PATH
from tests.factories.subscriptions import make_plan

PASSWORD = "correct-horse-battery"


def _sign_in(page, base, email, language="fr"):
    page.goto(f"{base}/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action*='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_subscribe_in_french_see_it_and_cancel_at_period_end(
    live_server, browser, page, stripe_fake, artifacts_dir
):
    # given: a monthly plan granting coins, a shopper, Stripe's fake sending webhooks to this server
    plan = make_plan(coins_per_period=20)
    make_user(email="nour@example.com", password=PASSWORD, first_name="Nour", last_name="Trabelsi")
    stripe_fake.webhook_url = f"{live_server.url}{WEBHOOK_PATH}"
    base = live_server.url

    # when: she signs in, opens the plan's page and subscribes
    _sign_in(page, base, "nour@example.com")
    page.goto(f"{base}{plan.product.get_absolute_url()}")
    page.screenshot(path=str(artifacts_dir / "subscriptions-1-product-fr.png"), full_page=True)
    page.get_by_role("button", name="S'abonner").click()

    # then: Stripe's test-mode page shows the plan's price; she pays
    page.wait_for_url(re.compile(r"/pay/"))
    assert page.locator("text=39.000 TND").count()
    page.screenshot(path=str(artifacts_dir / "subscriptions-2-stripe-test-mode.png"), full_page=True)
    page.locator("button.pay").click()

    # and lands on "my subscriptions", where the subscription becomes active with its next renewal
    page.wait_for_url(re.compile(r"/fr/accounts/subscriptions/"))
    stripe_fake.wait_for_deliveries()
    page.reload()
    card = page.locator("[data-subscription]")
    assert card.locator("[data-status=active]").count() == 1
    assert "Prochain renouvellement" in card.inner_text() and "20 coins" in card.inner_text()
    page.screenshot(path=str(artifacts_dir / "subscriptions-3-mine-fr.png"), full_page=True)

    # when: she cancels at the end of the period
    page.get_by_role("button", name="Résilier en fin de période").click()
    page.wait_for_load_state()

    # then: the page says it ends at the period's end and offers to keep it
    assert "se termine en fin de période" in card.inner_text()
    assert page.get_by_role("button", name="Garder mon abonnement").count() == 1
    page.screenshot(path=str(artifacts_dir / "subscriptions-4-cancelled-fr.png"), full_page=True)

    # and on a phone in Arabic the page reads right to left
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, storage_state=page.context.storage_state()
    )
    arabic = phone.new_page()
    arabic.goto(f"{base}/ar/accounts/subscriptions/")
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    arabic.screenshot(path=str(artifacts_dir / "subscriptions-5-mine-ar-phone.png"), full_page=True)
    phone.close()
