"""Sellers are told, through notify(), when a customer cancels an order or asks for a return."""

import pytest
from django.core import mail

from commerce.notifications.models import Notification
from commerce.order import emails
from tests.factories import make_user
from tests.factories.sellers import make_seller, make_shop


@pytest.mark.django_db
def test_each_seller_of_the_shops_is_told_in_their_language_once_per_call(django_capture_on_commit_callbacks):
    from tests.integration.invoices.conftest import make_order

    # given: a shop with a French and an Arabic seller, and an order from it
    shop = make_shop("Dar Nabeul")
    french = make_seller(shop, "leila@example.com")
    arabic = make_seller(shop, "karim@example.com")
    type(arabic).objects.filter(pk=arabic.pk).update(language="ar")
    order = make_order([(shop, "Tajine", "119.000", 1)])
    # when: the customer cancels it
    with django_capture_on_commit_callbacks(execute=True):
        emails.notify_sellers_on_commit(order, {shop.pk}, emails.SELLER_ORDER_CANCELLED)
    # then: each seller has a notice in their language, and an email
    notices = {n.recipient_id: n for n in Notification.objects.filter(event="seller.order_cancelled")}
    assert set(notices) == {french.pk, arabic.pk}
    assert notices[french.pk].title == f"La commande {order.number} a été annulée par le client"
    assert notices[arabic.pk].language == "ar" and order.number in notices[arabic.pk].title
    assert notices[arabic.pk].title != notices[french.pk].title
    assert notices[french.pk].url == f"/dashboard/orders/{order.number}/"
    assert sorted(message.to[0] for message in mail.outbox) == ["karim@example.com", "leila@example.com"]


@pytest.mark.django_db
def test_a_shopper_cannot_be_sent_a_sellers_notice():
    from commerce.notifications import notify
    from commerce.notifications.services import RecipientNotAllowed

    with pytest.raises(RecipientNotAllowed):
        notify(make_user("shopper@example.com"), "seller.order_cancelled", {"number": "1"})
