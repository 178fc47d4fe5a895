"""Every stock change is in the history with who, when and why, and the seller can read it."""

import pytest
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from commerce.order import services as order_services
from commerce.order import statuses
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_shop, order_of
from tests.integration.dashboard.forms import post_data
from tests.integration.dashboard.urls import reached

pytestmark = pytest.mark.usefixtures("english")

StockMovement = get_model("partner", "StockMovement")
StockRecord = get_model("partner", "StockRecord")


PRODUCT_FORMS = ("form", "category_formset", "image_formset", "recommended_formset", "stockrecord_formset")


def edit_product(client, product, **stock_changes):
    """Open the product page as the browser would, change the first stock record's fields, save."""
    url = f"/dashboard/catalogue/products/{product.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    data = post_data(page.context, *PRODUCT_FORMS)
    data.update({f"stockrecords-0-{name}": str(value) for name, value in stock_changes.items()})
    data["action"] = "continue"
    return client.post(url, data)


def categorised(product):
    product.productcategory_set.create(category=create_from_breadcrumbs("Maison > Cuisine"))
    return product


@pytest.mark.django_db
def test_manual_edit_on_the_product_page_goes_into_the_history(client, shop, seller):
    # given
    product, record = product_for_sale("Tajine émaillé", shop=shop, stock=10)
    categorised(product)
    client.force_login(seller)
    # when
    response = edit_product(client, product, num_in_stock=25)
    # then
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.num_in_stock == 25
    movement = StockMovement.objects.get(stockrecord=record)
    assert (movement.reason, movement.in_stock_change, movement.num_in_stock_after) == (
        StockMovement.MANUAL,
        15,
        25,
    )
    assert movement.changed_by == seller


@pytest.mark.django_db
def test_product_page_refuses_a_level_below_what_orders_hold(client, shop, seller):
    product, record = product_for_sale("Lampe", shop=shop, stock=10)
    categorised(product)
    order_of((product, 4))
    client.force_login(seller)
    response = edit_product(client, product, num_in_stock=3)
    assert response.status_code == 200
    assert "4 units are held for orders" in response.content.decode()
    record.refresh_from_db()
    assert record.num_in_stock == 10


@pytest.mark.django_db
def test_sale_shipment_and_cancellation_are_recorded_and_shown(client, shop, seller):
    # given: two orders of the same product
    product, record = product_for_sale("Kilim de Kairouan", shop=shop, stock=10, sku="DN-KILIM")
    shipped = order_of((product, 2), email="a@example.com")
    cancelled = order_of((product, 1), email="b@example.com")
    # when: the seller ships one and cancels the other
    order_services.change_line_status(shipped.lines.get(), statuses.SHIPPED, by=seller)
    order_services.change_line_status(cancelled.lines.get(), statuses.CANCELLED, by=seller)
    # then
    reasons = list(
        StockMovement.objects.filter(stockrecord=record).order_by("pk").values_list("reason", flat=True)
    )
    assert reasons == [
        StockMovement.SALE,
        StockMovement.SALE,
        StockMovement.SHIPMENT,
        StockMovement.CANCELLATION,
    ]
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (8, 0)
    # and the seller reads it per stock record and per product
    client.force_login(seller)
    for url in (
        f"/dashboard/shop/stock/{record.pk}/history/",
        f"/dashboard/shop/products/{product.pk}/stock-history/",
    ):
        html = client.get(url).content.decode()
        assert shipped.number in html and cancelled.number in html
        assert "leila@example.com" in html
        assert "−2" in html or "-2" in html


@pytest.mark.django_db
def test_another_shops_history_is_not_reachable(client, shop, seller):
    other = make_shop("Jebba & Co")
    product, record = product_for_sale("Jebba brodée", shop=other)
    client.force_login(seller)
    assert reached(client, f"/dashboard/shop/stock/{record.pk}/history/").status_code == 404
    assert reached(client, f"/dashboard/shop/products/{product.pk}/stock-history/").status_code == 404
