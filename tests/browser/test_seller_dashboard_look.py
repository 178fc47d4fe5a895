"""A seller who works on the site in Arabic opens the dashboard: Arabic, right to left, in the
site's brand (its colours and typography from the design tokens)."""

import pytest
from oscar.core.loading import get_model

from commerce.order import statuses
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop, order_of

Product = get_model("catalogue", "Product")

PASSWORD = "correct-horse-battery"  # make_user's


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_arabic_seller_gets_the_dashboard_in_arabic_and_in_the_sites_look(
    live_server, page, artifacts_dir
):
    # given: a seller with a product low on stock, whose browser asks for English
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop, "leila@dar-nabeul.example")
    product_for_sale("Tajine émaillé", shop=shop, stock=2)
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
def test_an_arabic_seller_on_a_phone_sees_a_products_variants_and_types_arabic_right_to_left(
    live_server, page, artifacts_dir
):
    # given: a seller's parent product with one variant, stocked by the seller's shop
    shop = make_shop("Jebba Secrète")
    seller = make_seller(shop, "mehdi@jebba.example")
    variant, _record = product_for_sale("Jebba brodée taille L", shop=shop, stock=2, sku="JS-JEB-L")
    parent = Product.objects.create(
        title="Jebba brodée", structure="parent", product_class=variant.product_class, partner=shop
    )
    Product.objects.filter(pk=variant.pk).update(
        structure="child", parent=parent, product_class=None, partner=shop
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.fill("input[name=login]", seller.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action*='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()
    # when: they open the parent in the product editor, and its variants
    page.goto(f"{live_server.url}/dashboard/catalogue/products/{parent.pk}/")
    page.screenshot(path=str(artifacts_dir / "product-editor-ar-phone.png"), full_page=True)
    page.locator("a[href='#child_products']").click()
    page.screenshot(path=str(artifacts_dir / "product-variants-ar-phone.png"), full_page=True)
    # then: the Arabic fields run right to left, the French ones do not, the variant is listed
    assert page.locator("#id_title_ar").get_attribute("dir") == "rtl"
    assert page.locator("#id_title_fr").get_attribute("dir") == "ltr"
    assert page.locator("#product_variants").get_by_text("JS-JEB-L").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_arabic_seller_ships_its_line_with_a_tracking_number_from_the_order_page(
    live_server, page, artifacts_dir
):
    # given: a seller with an order of one of its products, working in Arabic
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop, "leila@dar-nabeul.example")
    tajine, _ = product_for_sale("Tajine émaillé", shop=shop, stock=50)  # no low-stock alert to push
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
