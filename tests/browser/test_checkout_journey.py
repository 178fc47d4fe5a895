"""Two shoppers: one browsing in Arabic buys from two sellers by card through the test-mode Stripe
page (basket, then the one-page checkout); a guest on a phone orders one product from the pop-up
checkout of its page, cash on delivery."""

import re

import pytest

from tests.browser.checkout_forms import order_cash_on_delivery
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia
from tests.factories.stripe import WEBHOOK_PATH

PASSWORD = "correct-horse-battery"


def add_to_basket(page, base, product):
    page.goto(f"{base}{product.get_absolute_url().replace('/fr/', '/ar/', 1)}")
    page.locator("form[action*='/basket/add/'] button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_arabic_shopper_pays_by_card_and_downloads_the_invoice(live_server, page, stripe_fake, artifacts_dir):
    # given: two sellers' products, a shopper account, Stripe's fake sending webhooks to this server
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", shop="Dar Nabeul")
    scarf, _ = product_for_sale("Foulard en soie", "33.335", shop="Jebba & Co")
    make_user(email="layla@example.com", password=PASSWORD, first_name="Layla", last_name="Trabelsi")
    stripe_fake.webhook_url = f"{live_server.url}{WEBHOOK_PATH}"
    base = live_server.url

    # when: she signs in on the Arabic site and adds both products
    page.goto(f"{base}/ar/accounts/login/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[name=login]", "layla@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action*='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()
    add_to_basket(page, base, tajine)
    add_to_basket(page, base, scarf)
    page.screenshot(path=str(artifacts_dir / "checkout-1-basket-ar.png"), full_page=True)
    # and goes from her basket to the one-page checkout
    page.locator("a[href$='/ar/checkout/']").first.click()
    page.wait_for_url(re.compile(r"/ar/checkout/$"))
    assert page.locator("text=Tajine émaillé").count() and page.locator("text=Foulard en soie").count()

    # and checks out on the one-page form, paying by card
    page.fill("input[name=phone]", "20 123 456")
    page.fill("input[name=line1]", "12 نهج مرسيليا")
    page.fill("input[name=city]", "تونس")
    page.check("input[name=payment_method][value=card]")
    page.screenshot(path=str(artifacts_dir / "checkout-2-form-ar.png"), full_page=True)
    page.locator(".quick-checkout__form button[type=submit]").click()

    # then: Stripe's test-mode page asks for the payment
    page.wait_for_url(re.compile(r"/pay/"))
    page.screenshot(path=str(artifacts_dir / "checkout-3-stripe-test-mode.png"), full_page=True)
    page.locator("button.pay").click()

    # and she lands on the thank-you page, then finds the paid order with its invoices
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))
    page.screenshot(path=str(artifacts_dir / "checkout-4-thank-you-ar.png"), full_page=True)
    page.goto(f"{base}/ar/accounts/orders/")
    page.locator("a[href*='/accounts/orders/']").filter(has_text=re.compile(r"\d{6}")).first.click()
    page.wait_for_load_state()
    invoice_links = page.locator("a[href*='/invoice/']")
    assert invoice_links.count() >= 2  # one per seller, plus the platform's for the delivery
    page.screenshot(path=str(artifacts_dir / "checkout-5-order-ar.png"), full_page=True)
    pdf = page.request.get(f"{base}{invoice_links.first.get_attribute('href')}")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_guest_on_a_phone_orders_from_the_pop_up_checkout(live_server, browser, artifacts_dir):
    # given: a product page on a phone, and a guest with something else in their basket
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", shop="Dar Nabeul")
    vase, _ = product_for_sale("Vase de Nabeul", "20.000", shop="Dar Nabeul")
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url
    page.goto(f"{base}{vase.get_absolute_url()}")
    page.locator("#add_to_basket_form button.buy-box__submit").click()
    page.wait_for_load_state()
    page.goto(f"{base}{tajine.get_absolute_url()}")

    # when: they choose 2 and press "Buy now"
    page.fill("#add_to_basket_form input[name=quantity]", "2")
    page.locator("#add_to_basket_form button[name=next]").click()

    # then: the pop-up opens over the page with the order's total (2 × 45 + 7 delivery) and the form
    dialog = page.locator("dialog#buy-now-dialog[open]")
    dialog.wait_for()
    assert "97,000" in dialog.inner_text()
    page.screenshot(path=str(artifacts_dir / "pop-up-checkout-1-form-fr.png"))

    # when: they fill it in and order, cash on delivery
    order_cash_on_delivery(dialog)

    # then: the thank-you page confirms the two tajines, and the vase is still in the basket
    page.wait_for_url(re.compile(r"/fr/checkout/thank-you/$"))
    page.screenshot(path=str(artifacts_dir / "pop-up-checkout-2-thank-you-fr.png"), full_page=True)
    assert page.locator("text=Tajine émaillé").count()
    assert page.locator(".basket-link__count").inner_text().strip() == "1"
    context.close()
