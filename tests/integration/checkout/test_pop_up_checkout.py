"""The pop-up checkout: "Buy now" on a product page orders that product alone, in one request.

What the pop-up shows is what is ordered (the totals are computed as the order's), the visitor's
basket is left alone, and a refused order writes nothing.
"""

from decimal import Decimal

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test.factories import create_product, create_stockrecord

from commerce.order import statuses
from commerce.payment.stripe import views as stripe_views
from tests.factories.catalogue import digital_class, physical_class, product_for_sale
from tests.factories.checkout import ensure_tunisia, guest_form

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
StripeCheckoutSession = get_model("payment", "StripeCheckoutSession")

CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def buy_url(product, language="fr"):
    return f"/{language}/checkout/buy/{product.pk}/"


def product_url(product):
    with translation.override("fr"):
        return product.get_absolute_url()


def counted(action):
    with CaptureQueriesContext(connection) as captured:
        response = action()
    return len([q for q in captured.captured_queries if not q["sql"].upper().startswith(CONTROL)]), response


@pytest.mark.django_db
def test_the_product_page_offers_the_pop_up_and_the_pop_up_shows_the_orders_totals(client):
    # given: a 45 TND tajine; delivery is 7 TND below 150 TND
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", stock=5)
    page = client.get(product_url(tajine)).content.decode()
    assert f'data-buy-now="{buy_url(tajine)}"' in page
    # when: the shopper picked 3 and presses "Buy now" (the dialog loads its form)
    response = client.get(buy_url(tajine), {"partial": 1, "quantity": 3})
    # then: a fragment (no page chrome) with the form, the line and the order's totals
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'class="site-header"' not in html
    assert "data-dialog-close" in html
    assert "Tajine émaillé" in html and "× 3" in html
    assert response.context["order_total"].incl_tax == Decimal("142.000")  # 3 × 45 + 7
    assert 'name="quantity" value="3"' in html
    assert 'name="line1"' in html and 'value="cod"' in html


@pytest.mark.django_db
def test_a_guest_orders_the_product_alone_and_keeps_their_basket(client):
    # given: a guest with a vase in their basket
    ensure_tunisia()
    vase, _ = product_for_sale("Vase", "20.000")
    tajine, tajine_stock = product_for_sale("Tajine émaillé", "45.000", stock=5)
    client.post(f"/fr/basket/add/{vase.pk}/", {"quantity": 1})
    basket = Basket.objects.get(lines__product=vase)
    # when: they buy two tajines from the pop-up, cash on delivery
    response = client.post(buy_url(tajine), {**guest_form("cod"), "quantity": 2})
    # then: one order of two tajines, confirmed unpaid; the thank-you page shows it
    assert response.status_code == 302 and response["Location"] == "/fr/checkout/thank-you/"
    order = Order.objects.get()
    assert [(line.product, line.quantity) for line in order.lines.all()] == [(tajine, 2)]
    assert order.status == statuses.PROCESSING and order.payment_method == Order.CASH_ON_DELIVERY
    assert order.total_incl_tax == Decimal("97.000")
    assert order.guest_email == guest_form()["email"]
    assert StockRecord.objects.get(pk=tajine_stock.pk).num_allocated == 2
    assert order.number in client.get(response["Location"]).content.decode()
    # and the basket still holds the vase, open
    basket.refresh_from_db()
    assert basket.status == Basket.OPEN
    assert [line.product for line in basket.all_lines()] == [vase]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"phone": ""}, "phone"),
        ({"quantity": 9}, "quantity"),
        ({"quantity": "beaucoup"}, "quantity"),
        ({"payment_method": "bitcoin"}, "payment_method"),
    ],
    ids=["no phone", "more than the stock", "not a number", "unknown payment"],
)
def test_bad_input_shows_the_form_again_and_writes_nothing(client, changes, expected):
    ensure_tunisia()
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", stock=5)
    baskets = Basket.objects.count()

    response = client.post(buy_url(tajine), {**guest_form("cod"), "quantity": 1, **changes})

    assert response.status_code == 200
    assert expected in response.context["form"].errors
    html = response.content.decode()
    assert 'class="site-header"' in html  # a whole page: the shopper may have no script
    assert "Tajine émaillé" in html
    assert not Order.objects.exists() and Basket.objects.count() == baskets


@pytest.mark.django_db
def test_stock_gone_meanwhile_refuses_the_order_and_leaves_no_basket(client):
    # given: the form was valid for 2, then another shopper took the last units
    ensure_tunisia()
    tajine, record = product_for_sale("Tajine émaillé", "45.000", stock=2)
    baskets = Basket.objects.count()
    form = {**guest_form("cod"), "quantity": 2}
    StockRecord.objects.filter(pk=record.pk).update(num_allocated=1)
    # when
    response = client.post(buy_url(tajine), form)
    # then: the reason is shown; no order, no stray basket, stock untouched
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Order.objects.exists() and Basket.objects.count() == baskets
    assert StockRecord.objects.get(pk=record.pk).num_allocated == 1


@pytest.mark.django_db
def test_a_file_is_paid_by_card_and_asks_for_no_address(client):
    ebook, _ = product_for_sale(
        "Recettes de Nabeul (PDF)", "25.000", stock=None, product_class=digital_class()
    )

    html = client.get(buy_url(ebook), {"partial": 1}).content.decode()
    assert 'name="line1"' not in html and 'value="cod"' not in html and 'value="card"' in html

    response = client.post(buy_url(ebook), {**guest_form("cod"), "quantity": 1})
    assert "payment_method" in response.context["form"].errors
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_the_pop_up_keeps_to_the_baskets_maximum_for_products_without_stock(client, settings):
    # given: a file (no stock to run out of) and a basket maximum of 5 items
    settings.OSCAR_MAX_BASKET_QUANTITY_THRESHOLD = 5
    ebook, _ = product_for_sale("Recettes de Sfax (PDF)", "25.000", stock=None, product_class=digital_class())
    baskets = Basket.objects.count()
    # when: the pop-up is posted for 6 copies
    response = client.post(buy_url(ebook), {**guest_form("card"), "quantity": 6})
    # then: the basket service's reason is shown; nothing was written
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Order.objects.exists() and Basket.objects.count() == baskets


@pytest.mark.django_db
def test_products_with_options_private_or_unknown_are_not_sold_by_the_pop_up(client):
    engraved = create_product(title="Plateau gravé", product_class=physical_class(), num_in_stock=None)
    create_stockrecord(engraved, price=Decimal("60.000"), num_in_stock=3, partner_name="Dar Fakhar")
    engraved.product_options.add(Option.objects.create(name="Gravure", code="gravure"))
    hidden, _ = product_for_sale("Brouillon", "10.000")
    hidden.is_public = False
    hidden.save()

    assert client.get(buy_url(engraved)).status_code == 404
    assert f'data-buy-now="{buy_url(engraved)}"' not in client.get(product_url(engraved)).content.decode()
    assert client.get(buy_url(hidden)).status_code == 404
    assert client.get("/fr/checkout/buy/999999/").status_code == 404
    # and a product no seller sells sends the shopper back to its page
    unsold = create_product(title="Sans vendeur", product_class=physical_class(), num_in_stock=None)
    response = client.get(buy_url(unsold), {"partial": 1})
    assert response.status_code == 302 and response["Location"] == product_url(unsold)


def jebba_in_three_sizes():
    """A parent with three sizes: S (120 TND), M (135 TND), and L sold out."""
    jebba = create_product(title="Jebba brodée", product_class=physical_class(), structure="parent")
    sizes = {}
    for size, price, stock in (("S", "120.000", 4), ("M", "135.000", 4), ("L", "150.000", 0)):
        child = Product.objects.create(parent=jebba, structure="child", title=f"Jebba brodée {size}")
        create_stockrecord(child, price=Decimal(price), num_in_stock=stock, partner_name="Jebba & Co")
        sizes[size] = child
    return jebba, sizes


@pytest.mark.django_db
def test_the_pop_up_of_a_product_with_variants_offers_the_choice_and_orders_that_variant_alone(client):
    # given: a jebba in three sizes, and a guest with a vase in their basket
    ensure_tunisia()
    jebba, sizes = jebba_in_three_sizes()
    vase, _ = product_for_sale("Vase", "20.000")
    client.post(f"/fr/basket/add/{vase.pk}/", {"quantity": 1})
    # then: its page opens the pop-up too (not the basket's checkout)
    assert f'data-buy-now="{buy_url(jebba)}"' in client.get(product_url(jebba)).content.decode()

    # when: the shopper picked size M on the page and presses "Buy now"
    response = client.get(buy_url(jebba), {"partial": 1, "quantity": 1, "child": sizes["M"].pk})
    # then: the pop-up offers the sizes that can be bought, M chosen, and shows M's total
    assert response.status_code == 200
    html = response.content.decode()
    assert [value for value, _label in response.context["form"].fields["child"].choices] == [
        sizes["S"].pk,
        sizes["M"].pk,
    ]
    assert f'<option value="{sizes["M"].pk}" selected>' in html
    assert "Jebba brodée M" in html and "data-buy-now-summary" in html
    assert response.context["order_total"].incl_tax == Decimal("142.000")  # 135 + 7 delivery

    # when: they switch to S in the pop-up and order it
    response = client.post(buy_url(jebba), {**guest_form("cod"), "quantity": 1, "child": sizes["S"].pk})
    # then: one order of size S alone; the vase stays in their basket
    assert response.status_code == 302 and response["Location"] == "/fr/checkout/thank-you/"
    order = Order.objects.get()
    assert [(line.product, line.quantity) for line in order.lines.all()] == [(sizes["S"], 1)]
    assert order.total_incl_tax == Decimal("127.000")
    assert Basket.objects.get(lines__product=vase).status == Basket.OPEN


@pytest.mark.django_db
def test_the_pop_up_refuses_a_variant_it_does_not_offer(client):
    ensure_tunisia()
    jebba, sizes = jebba_in_three_sizes()
    response = client.post(buy_url(jebba), {**guest_form("cod"), "quantity": 1, "child": sizes["L"].pk})
    assert response.status_code == 200
    assert "child" in response.context["form"].errors
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_a_cancelled_card_payment_puts_the_product_in_the_guests_basket(client, stripe_fake):
    # given: a guest paying a pop-up order by card is sent to Stripe
    ensure_tunisia()
    tajine, record = product_for_sale("Tajine émaillé", "45.000", stock=5)
    response = client.post(buy_url(tajine), {**guest_form("card"), "quantity": 2})
    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"] == StripeCheckoutSession.objects.get(order=order).url
    assert order.status == statuses.PENDING_PAYMENT
    # when: they cancel on Stripe's page
    token = signing.dumps(order.number, salt=stripe_views.CANCEL_SALT)
    response = client.get(f"/fr/checkout/stripe/cancel/?order={token}", follow=True)
    # then: the order is cancelled, the stock released, and the tajines wait in their basket
    assert Order.objects.get(pk=order.pk).status == statuses.CANCELLED
    assert StockRecord.objects.get(pk=record.pk).num_allocated == 0
    lines = list(response.context["basket"].all_lines())
    assert [(line.product, line.quantity) for line in lines] == [(tajine, 2)]


@pytest.mark.django_db
def test_the_pop_up_fits_its_query_budgets(client):
    ensure_tunisia()
    product_for_sale("Vase", "20.000")  # warm-up product: thumbnails, translations
    tajine, _ = product_for_sale("Tajine émaillé", "45.000", stock=50)
    client.get(buy_url(tajine), {"partial": 1})  # the upsell ranking is cached from now on
    form_queries, response = counted(lambda: client.get(buy_url(tajine), {"partial": 1}))
    assert response.status_code == 200
    order_queries, response = counted(
        lambda: client.post(buy_url(tajine), {**guest_form("cod"), "quantity": 1})
    )
    assert response.status_code == 302
    # the product with its stock records (2), the site's offers (1)
    assert form_queries <= 3
    # the product (2); the basket service's checks (1); the basket and its line written, the
    # offers (5); the order as on the checkout page; the new session; the admin on duty looked up to
    # tell them of the order (1, none here)
    assert order_queries <= 27
