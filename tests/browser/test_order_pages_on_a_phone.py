"""A shopper's order pages on a 390 px phone: the signed-in account's order list and order, and a
guest's order opened from the link of the confirmation email, in the language of that link."""

import pytest
from django.urls import reverse
from django.utils import translation

from commerce.checkout import services
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import GUEST, TUNIS, basket_with, ensure_tunisia
from tests.factories.sellers import order_of

PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}
LONG_TITLE = "Grand plat à couscous émaillé peint à la main, motifs de Nabeul, diamètre quarante centimètres"


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_account_order_pages_fit_a_phone(live_server, browser, artifacts_dir):
    # given: a shopper with an order of two products, one with a long name
    ensure_tunisia()
    plate, _ = product_for_sale(LONG_TITLE, "145.500", shop="Dar Nabeul")
    scarf, _ = product_for_sale("Foulard en soie", "33.335", shop="Jebba & Co")
    shopper = make_user(email="layla@example.com", password=PASSWORD)
    order = services.place_order(
        basket=basket_with((plate, 2), (scarf, 1), owner=shopper),
        customer=services.Customer(GUEST.first_name, GUEST.last_name, shopper.email, GUEST.phone, shopper),
        payment_method="cod",
        delivery=TUNIS,
    )
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/fr/accounts/login/")
    page.fill("input[name=login]", shopper.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action*='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()

    for language in ("fr", "ar"):
        # when: the shopper opens the order history, then the order
        page.goto(f"{live_server.url}/{language}/accounts/orders/")
        page.screenshot(path=str(artifacts_dir / f"account-orders-390-{language}.png"), full_page=True)
        # then: both fit the screen
        assert fits(page)
        page.goto(f"{live_server.url}/{language}/accounts/orders/{order.number}/")
        page.screenshot(path=str(artifacts_dir / f"account-order-390-{language}.png"), full_page=True)
        assert page.locator(f"text={order.number}").count()
        assert fits(page)
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_guest_opens_the_order_from_the_email_link_in_its_language(live_server, browser, artifacts_dir):
    # given: a guest's order and the link its Arabic confirmation email carries
    plate, _ = product_for_sale(LONG_TITLE, "145.500", shop="Dar Nabeul")
    order = order_of((plate, 1))
    with translation.override("ar"):
        link = reverse(
            "order-status", kwargs={"order_number": order.number, "hash": order.verification_hash()}
        )
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(15_000)

    # when: the guest follows it on a phone, in a browser that never saw the order
    page.goto(f"{live_server.url}{link}")
    page.screenshot(path=str(artifacts_dir / "guest-order-390-ar.png"), full_page=True)

    # then: the order opens at once, in Arabic and right to left, in the site's look, and fits
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("input[name=email]").count() == 0
    assert order.number in page.locator("h1").inner_text()
    assert page.locator(f"text={LONG_TITLE}").count()
    assert page.locator(".site-header, header").count()
    assert fits(page)
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_partly_shipped_order_with_its_tracking_fits_a_phone(live_server, browser, artifacts_dir):
    from commerce.order.services import ship_lines

    # given: a guest's order from two sellers, one of which shipped with a tracking number
    plate, _ = product_for_sale(LONG_TITLE, "145.500", shop="Dar Nabeul")
    scarf, _ = product_for_sale("Foulard en soie", "33.335", shop="Jebba & Co")
    order = order_of((plate, 1), (scarf, 2))
    ship_lines(
        order.lines.filter(partner__name="Dar Nabeul"), tracking_number="RR123456789TN", carrier="Aramex"
    )
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(15_000)
    for language in ("fr", "ar"):
        with translation.override(language):
            link = reverse(
                "order-status", kwargs={"order_number": order.number, "hash": order.verification_hash()}
            )
        page.goto(f"{live_server.url}{link}")
        page.screenshot(path=str(artifacts_dir / f"partly-shipped-order-390-{language}.png"), full_page=True)
        # then: the tracking number and the partial progress show, and the page fits
        assert page.locator("text=RR123456789TN").count()
        assert fits(page)
    context.close()
