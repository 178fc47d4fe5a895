"""A customer on a phone, in Arabic, asks to return a delivered item, and once the seller approves
it sees the refund and its credit note on the order page."""

import pytest

from commerce.order import statuses
from commerce.order.services import change_order_status
from commerce.returns import services as returns
from commerce.returns.models import ReturnRequest
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop
from tests.factories.stripe import pay, place_card_order

PHONE = {"width": 390, "height": 844}


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_customer_asks_for_a_return_in_arabic_and_sees_the_refund_and_credit_note(
    request, live_server, client, stripe_fake, artifacts_dir
):
    # given: a delivered card order of a tajine, by a customer who shops in Arabic
    shop = make_shop("Dar Fakhar")
    seller = make_seller(shop, email="seller@darfakhar.tn")
    tajine = product_for_sale("طاجين فخار", shop=shop, price="49.905", stock=5)[0]
    customer = make_user(email="salma@example.com", first_name="سلمى")
    order = pay(place_card_order([(tajine, 1)], user=customer, language="ar"), client, stripe_fake)
    for status in (statuses.PROCESSING, statuses.SHIPPED, statuses.DELIVERED):
        change_order_status(order, status)
    client.force_login(customer)
    # Chromium starts after the order is paid: Playwright's event loop in this thread would refuse
    # the synchronous calls the payment webhook makes (async_to_sync).
    browser = request.getfixturevalue("browser")
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    url = f"{live_server.url}/ar/accounts/orders/{order.number}/"

    # when: the customer asks to return it from the order page
    page.goto(url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator(f"input[name=line_{order.lines.get().pk}]").fill("1")
    page.locator("textarea[name=reason]").fill("وصل مكسورًا")
    page.screenshot(path=str(artifacts_dir / "return-form-390-ar.png"), full_page=True)
    assert fits(page)
    page.get_by_role("button", name="طلب إرجاع").click()
    page.wait_for_load_state()

    # then: the request is recorded and shown
    asked = ReturnRequest.objects.get()
    assert asked.reason == "وصل مكسورًا"
    assert page.locator("text=أُرسل طلب الإرجاع إلى البائع.").count()
    page.screenshot(path=str(artifacts_dir / "return-requested-390-ar.png"), full_page=True)

    # when: the seller approves it, and the customer opens the order again
    returns.approve_return(asked, by=seller, comment="نعتذر")
    page.goto(url)
    page.screenshot(path=str(artifacts_dir / "return-refunded-390-ar.png"), full_page=True)

    # then: the order is refunded, with the amount, the method and a credit note to download
    assert page.locator("text=مسترجع").count()
    assert page.locator("text=على بطاقتك").count()
    note = asked.order.creditnotes.get()
    link = page.locator(f"a[href*='/credit-note/{note.number}/']")
    assert link.count() == 1
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"{note.number}.pdf"
    assert fits(page)

    # and the same page in French, left to right, fits the phone too
    page.goto(url.replace("/ar/", "/fr/"))
    page.screenshot(path=str(artifacts_dir / "return-refunded-390-fr.png"), full_page=True)
    assert page.locator("text=Partiellement remboursée").count() and fits(page)
    context.close()
