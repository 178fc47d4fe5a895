"""The pop-up checkout on a 390 px phone: it opens at its top, and for a product with variants it
offers the variant choice and orders that one variant alone."""

import re
from decimal import Decimal

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import create_product, create_stockrecord

from tests.browser.checkout_forms import order_cash_on_delivery
from tests.factories.catalogue import physical_class, product_for_sale
from tests.factories.checkout import ensure_tunisia

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

#: A 390 px phone's visible height with its browser's bars shown.
PHONE = {"width": 390, "height": 664}


def in_view(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def phone_page(browser):
    context = browser.new_context(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def opened_pop_up(page):
    page.locator("#add_to_basket_form button[name=next]").click()
    dialog = page.locator("dialog#buy-now-dialog[open]")
    dialog.wait_for()
    return dialog


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_pop_up_opens_at_its_top_on_a_phone(live_server, browser, artifacts_dir):
    # given: a product page on a phone
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", shop="Dar Nabeul")
    context, page = phone_page(browser)
    page.goto(f"{live_server.url}{tajine.get_absolute_url()}")
    # when: the shopper presses "Buy now"
    dialog = opened_pop_up(page)
    page.screenshot(path=str(artifacts_dir / "pop-up-1-open-390.png"))
    # then: the pop-up shows its top: its title and close button, not a field further down
    assert dialog.evaluate("d => d.scrollTop") == 0
    assert in_view(page, dialog.locator("#buy-now-title"))
    assert in_view(page, dialog.locator("[data-dialog-close]"))
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_pop_up_of_a_product_with_variants_orders_the_chosen_one_alone(
    live_server, browser, artifacts_dir
):
    # given: a jebba in two sizes, S at 120 TND and M at 135 TND, on a phone
    ensure_tunisia()
    jebba = create_product(title="Jebba brodée", product_class=physical_class(), structure="parent")
    sizes = {}
    for size, price in (("S", "120.000"), ("M", "135.000")):
        sizes[size] = Product.objects.create(parent=jebba, structure="child", title=f"Jebba brodée {size}")
        create_stockrecord(sizes[size], price=Decimal(price), num_in_stock=4, partner_name="Jebba & Co")
    context, page = phone_page(browser)
    page.goto(f"{live_server.url}{jebba.get_absolute_url()}")

    # when: the shopper picks M on the page and presses "Buy now"
    page.select_option("#add_to_basket_form select[name=child_id]", str(sizes["M"].pk))
    dialog = opened_pop_up(page)

    # then: the pop-up offers the sizes, M chosen and priced
    page.screenshot(path=str(artifacts_dir / "pop-up-variants-1-open-390.png"))
    assert dialog.locator("select[name=child]").input_value() == str(sizes["M"].pk)
    assert "142,000" in dialog.locator("[data-buy-now-submit]").inner_text()  # 135 + 7 delivery

    # when: they switch to S in the pop-up
    dialog.locator("select[name=child]").select_option(str(sizes["S"].pk))
    # then: the total follows
    page.wait_for_function(
        "() => document.querySelector('[data-buy-now-submit]').innerText.includes('127,000')"
    )

    # when: they order, cash on delivery
    order_cash_on_delivery(dialog)

    # then: S alone is ordered
    page.wait_for_url(re.compile(r"/fr/checkout/thank-you/$"))
    page.screenshot(path=str(artifacts_dir / "pop-up-variants-2-thank-you-390.png"), full_page=True)
    order = Order.objects.get()
    assert [(line.product_id, line.quantity) for line in order.lines.all()] == [(sizes["S"].pk, 1)]
    context.close()
