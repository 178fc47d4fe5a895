"""A shopper browsing in Arabic buys a coin pack from her wallet page, pays by card through the
test-mode Stripe page, and finds the coins in her balance, in the header and in her history."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import make_user
from tests.factories.checkout import ensure_tunisia
from tests.factories.stripe import WEBHOOK_PATH
from tests.factories.wallet import coin_pack

PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_arabic_shopper_buys_a_coin_pack_and_sees_her_balance(
    live_server, browser, stripe_fake, artifacts_dir
):
    # given: a pack of 50 coins, a shopper account, Stripe's fake sending webhooks to this server
    ensure_tunisia()
    coin_pack(50, "25.000")
    make_user(email="layla@example.com", password=PASSWORD, first_name="Layla", last_name="Trabelsi")
    stripe_fake.webhook_url = f"{live_server.url}{WEBHOOK_PATH}"
    base = live_server.url
    context = browser.new_context(viewport=PHONE, color_scheme="light", locale="ar")
    page = context.new_page()
    page.set_default_timeout(15_000)

    # when: she signs in on the Arabic site and opens her wallet on her phone
    page.goto(f"{base}/ar/accounts/login/?next=/ar/accounts/wallet/")
    page.fill("input[name=login]", "layla@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action*='/accounts/login/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ar/accounts/wallet/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("[data-header-coins] .wallet-link__count").inner_text().strip() == "0"
    page.screenshot(path=str(artifacts_dir / "wallet-1-empty-ar.png"), full_page=True)

    # and adds the pack from "buy coins", then checks out by card
    page.locator(".wallet-packs form[action*='/basket/add/'] button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(f"{base}/ar/checkout/")
    form = page.locator(".quick-checkout__form")
    for name, value in (("phone", "20 123 456"), ("line1", "12 نهج مرسيليا"), ("city", "تونس")):
        field = form.locator(f"input[name={name}]")
        if field.count() and field.is_visible():
            field.fill(value)
    form.locator("input[name=payment_method][value=card]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/pay/"))
    page.locator("button.pay").click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))

    # then: her wallet shows 50 coins (25 TND), in the header too, and the purchase in her history
    # (the webhook that credits the coins may land just after the thank-you page)
    for _attempt in range(20):
        page.goto(f"{base}/ar/accounts/wallet/")
        if "50" in page.locator("[data-wallet-balance]").inner_text():
            break
        page.wait_for_timeout(500)
    assert "50" in page.locator("[data-wallet-balance]").inner_text()
    assert "50" in page.locator("[data-header-coins] .wallet-link__count").inner_text()
    history = page.locator(".wallet-entries__item")
    assert history.count() == 1
    assert "+50" in history.first.inner_text().replace("\u2066", "").replace("\u2069", "")
    page.screenshot(path=str(artifacts_dir / "wallet-2-credited-ar.png"), full_page=True)
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_wallet_page_fits_a_phone(live_server, signed_in, artifacts_dir, language):
    # given: a shopper with coins, some on hold, a history, and packs on sale
    from commerce.wallet import services

    shopper = make_user(email="layla@example.com")
    services.credit_coins(shopper, 120, source="cash_in", key="pack-1", memo="Pack 120")
    services.hold(
        shopper, 30, reference="Consultation vidéo avec Dr Sarra Ben Ali (30 minutes)", key="call-1"
    )
    services.grant_goodwill(shopper, 5, reason="Appel coupé", granted_by=None)
    coin_pack(50, "25.000")
    coin_pack(120, "55.000")
    context, page = signed_in(shopper)
    page.set_viewport_size(PHONE)
    # when
    page.goto(f"{live_server.url}/{language}/accounts/wallet/")
    # then: nothing overflows sideways, and the balance is the first thing read
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert "95" in page.locator("[data-wallet-balance]").inner_text()
    page.screenshot(path=str(artifacts_dir / f"wallet-phone-{language}.png"), full_page=True)
    # and axe-core finds no accessibility violation (labels, contrast, landmarks)
    violations = Axe().run(page).response["violations"]
    assert [(found["id"], [node["target"] for node in found["nodes"][:3]]) for found in violations] == []
