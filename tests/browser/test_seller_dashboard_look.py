"""A seller who works on the site in Arabic opens the dashboard: Arabic, right to left, in the
site's brand (its colours and typography from the design tokens)."""

import pytest

from tests.factories.sellers import make_seller, make_shop, stocked

PASSWORD = "correct-horse-battery"  # make_user's


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_arabic_seller_gets_the_dashboard_in_arabic_and_in_the_sites_look(
    live_server, page, artifacts_dir
):
    # given: a seller with a product low on stock, whose browser asks for English
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop, "leila@dar-nabeul.example")
    stocked(shop, "Tajine émaillé", stock=2)
    page.set_extra_http_headers({"Accept-Language": "en"})
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.fill("input[name=login]", seller.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action*='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()

    # when: they open the dashboard and its stock page
    page.goto(f"{live_server.url}/dashboard/")
    page.screenshot(path=str(artifacts_dir / "dashboard-home-ar.png"), full_page=True)

    # then: Arabic, right to left, with the brand's colours and Arabic typography
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    tokens = page.evaluate(
        """() => {
          const root = getComputedStyle(document.documentElement);
          const menu = document.querySelector(".navbar-primary");
          return {
            primary: root.getPropertyValue("--primary").trim(),
            menu: getComputedStyle(menu).backgroundColor,
            font: getComputedStyle(document.body).fontFamily,
          };
        }"""
    )
    assert tokens["primary"] == "#0b57a4" and tokens["menu"] == "rgb(11, 87, 164)"
    assert "Noto Sans Arabic" in tokens["font"]
    assert page.locator(".dashboard-brand .brand__mark").is_visible()
    page.goto(f"{live_server.url}/dashboard/shop/stock/")
    page.screenshot(path=str(artifacts_dir / "dashboard-stock-ar.png"), full_page=True)
    assert page.locator("html").get_attribute("dir") == "rtl"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_arabic_seller_ships_its_line_with_a_tracking_number_from_the_order_page(
    live_server, page, artifacts_dir
):
    from commerce.order import statuses
    from tests.factories.sellers import order_of

    # given: a seller with an order of one of its products, working in Arabic
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop, "leila@dar-nabeul.example")
    tajine, _ = stocked(shop, "Tajine émaillé", stock=50)  # no low-stock alert to push
    order = order_of((tajine, 1), email="amira@example.com")
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.fill("input[name=login]", seller.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action*='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()

    # when: they tick the line, choose "shipped", give the tracking number and submit
    page.goto(f"{live_server.url}/dashboard/orders/{order.number}/")
    page.check("input[name=selected_line]")
    page.select_option("#new_status", statuses.SHIPPED)
    page.fill("#id_tracking_number", "RR123456789TN")
    page.locator("#line-status-form button[type=submit]").click()
    page.wait_for_load_state()
    page.screenshot(path=str(artifacts_dir / "dashboard-order-shipped-ar.png"), full_page=True)

    # then: the parcel and its tracking number are on the page, in Arabic
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#shipping-events").get_by_text("RR123456789TN").count() == 1
    assert order.lines.get().status == statuses.SHIPPED
