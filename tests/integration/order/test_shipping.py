"""Sellers record shipping (with tracking) and delivery of their own lines from the dashboard; the
customer is told by email in the order's language, once per parcel; the page speaks in words."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from commerce.order import emails, statuses
from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop, order_of

ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def post_lines(client, order, lines, new_status, **extra):
    return client.post(
        f"/dashboard/orders/{order.number}/",
        {
            "line_action": "change_line_statuses",
            "selected_line": [line.pk for line in lines],
            **{f"selected_line_qty_{line.pk}": line.quantity for line in lines},
            "new_status": new_status,
            **extra,
        },
        HTTP_ACCEPT_LANGUAGE="fr",
    )


def test_a_seller_ships_its_lines_with_a_tracking_number_and_the_customer_is_told_in_arabic(
    client, two_shop_order, django_capture_on_commit_callbacks
):
    o = two_shop_order
    Order.objects.filter(pk=o.order.pk).update(language="ar")
    client.force_login(o.seller_b)
    # when: the seller ships its two lines with a tracking number
    with django_capture_on_commit_callbacks(execute=True):
        response = post_lines(
            client,
            o.order,
            [o.line_b, o.line_c],
            "shipped",
            tracking_number="RR123456789TN",
            carrier="Aramex",
        )
    assert response.status_code == 302
    # then: one parcel of its lines, one email in Arabic with the tracking number
    [event] = o.order.shipping_events.all()
    assert (event.tracking_number, event.carrier) == ("RR123456789TN", "Aramex")
    assert sorted(event.lines.values_list("pk", flat=True)) == [o.line_b.pk, o.line_c.pk]
    [message] = mail.outbox
    assert message.to == ["amira@example.com"]
    assert o.order.number in message.subject and "في الطريق" in message.subject
    assert "RR123456789TN" in message.body and "Foulard en soie" in message.body
    assert "Tajine" not in message.body  # the other seller's line has not left
    assert event.__class__.objects.get(pk=event.pk).customer_notified_at is not None
    # when: the delivery is recorded, a second email; sending the first again sends nothing
    with django_capture_on_commit_callbacks(execute=True):
        post_lines(client, o.order, [o.line_b, o.line_c], "delivered")
    assert emails.send_shipping_event_email(event) is False
    assert len(mail.outbox) == 2
    assert "تم تسليم" in mail.outbox[1].subject
    o.order.refresh_from_db()
    assert o.order.status == statuses.PROCESSING  # the other seller's line is still being prepared
    # and the seller's page says the courier collected the cash of its lines
    page = client.get(f"/dashboard/orders/{o.order.number}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert page.count("Espèces encaissées") == 2


def test_a_seller_cannot_ship_another_sellers_line(client, two_shop_order):
    o = two_shop_order
    client.force_login(o.seller_a)
    post_lines(client, o.order, [o.line_b], "shipped")
    o.line_b.refresh_from_db()
    assert o.line_b.status == statuses.PROCESSING
    assert not o.order.shipping_events.exists()


def test_a_too_long_tracking_number_is_refused_and_nothing_is_written(client, two_shop_order):
    o = two_shop_order
    client.force_login(o.seller_a)
    response = post_lines(client, o.order, [o.line_a], "shipped", tracking_number="X" * 65)
    o.line_a.refresh_from_db()
    assert o.line_a.status == statuses.PROCESSING
    assert not o.order.shipping_events.exists()
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Numéro de suivi" in page


def test_the_sellers_order_page_speaks_in_words_and_names_the_variant(client, db):
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop)
    shirt, _ = product_for_sale("Chemise en lin", shop=shop, price="60.000", sku="DN-CHEM-M")
    parent = shirt.__class__.objects.create(
        title="Chemise", structure="parent", product_class=shirt.product_class
    )
    shirt.parent, shirt.structure, shirt.title = parent, "child", ""
    shirt.save()
    size = ProductAttribute.objects.create(
        product_class=shirt.product_class, name="Taille", code="size", type="text"
    )
    ProductAttributeValue.objects.create(product=shirt, attribute=size, value_text="M")
    order = order_of((shirt, 1), email="amira@example.com")
    client.force_login(seller)
    page = client.get(f"/dashboard/orders/{order.number}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f"Commande n° {order.number}" in page
    assert "Taille : M" in page
    assert "En préparation" in page and ">processing<" not in page


def test_staff_read_statuses_as_words_and_reach_the_orders_invoices(client, two_shop_order):
    o = two_shop_order
    from commerce.invoices.services import issue_invoices

    issue_invoices(o.order)
    client.force_login(make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True))
    page = client.get(f"/dashboard/orders/{o.order.number}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f"Commande n° {o.order.number}" in page
    assert "En préparation" in page
    for code in ("processing", "pending-payment"):
        assert f">{code}<" not in page
    for invoice in o.order.invoices.all():
        assert f"/dashboard/invoices/{invoice.pk}/download/" in page
    # and everywhere else the dashboard shows a status
    line_page = f"/dashboard/orders/{o.order.number}/lines/{o.line_a.pk}/"
    customer_page = f"/dashboard/users/{o.seller_a.pk}/"
    for url in ("/dashboard/orders/statistics/", line_page, customer_page):
        other = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        assert ">processing<" not in other and ">pending-payment<" not in other, url
    assert "En préparation" in client.get(line_page, HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_a_seller_reaches_only_its_own_invoices_from_the_order_page(client, two_shop_order):
    from commerce.invoices.services import issue_invoices

    o = two_shop_order
    issue_invoices(o.order)
    client.force_login(o.seller_a)
    page = client.get(f"/dashboard/orders/{o.order.number}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    mine = o.order.invoices.get(partner__users=o.seller_a)
    others = o.order.invoices.exclude(pk=mine.pk)  # the other shop's, and the platform's for shipping
    assert others.exists()
    assert f"/dashboard/invoices/{mine.pk}/download/" in page
    for other in others:
        assert f"/dashboard/invoices/{other.pk}/download/" not in page


def test_the_customer_sees_each_lines_status_and_tracking_and_the_orders_progress(client, two_shop_order):
    from commerce.order import services

    o = two_shop_order
    services.ship_lines([o.line_a], tracking_number="RR123456789TN", carrier="Rapid-Poste")
    page = client.get(
        f"/fr/accounts/order-status/{o.order.number}/{o.order.verification_hash()}/"
    ).content.decode()
    assert "Partiellement expédiée : 1 sur 4 articles" in page
    assert "RR123456789TN" in page and "Rapid-Poste" in page
    assert "Expédiée" in page and "En préparation" in page
