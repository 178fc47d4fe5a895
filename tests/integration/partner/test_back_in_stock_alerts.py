"""Shoppers waiting for a sold-out product hear about it once it can be bought again, after commit."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.core.loading import get_model

from commerce.partner import stock
from tests.factories.catalogue import product_for_sale

pytestmark = pytest.mark.usefixtures("english")

ProductAlert = get_model("customer", "ProductAlert")


@pytest.fixture
def sold_out(db):
    product, record = product_for_sale("Lampe en cuivre", "120.000", stock=0)
    alert = ProductAlert.objects.create(product=product, email="amira@example.com")
    alert.confirm()  # a guest's alert counts once its email address is confirmed
    return product, record, alert


def test_a_restock_emails_the_waiting_shopper_once(sold_out, django_capture_on_commit_callbacks):
    _product, record, alert = sold_out
    # when: the seller puts units back in stock
    with django_capture_on_commit_callbacks(execute=True):
        stock.set_level(record.pk, 4)
    # then: one email, after commit, and the alert is closed
    assert [message.to for message in mail.outbox] == [["amira@example.com"]]
    alert.refresh_from_db()
    assert alert.status == ProductAlert.CLOSED
    # and a later change sends nothing again
    with django_capture_on_commit_callbacks(execute=True):
        stock.set_level(record.pk, 6)
    assert len(mail.outbox) == 1


def test_nothing_is_sent_inside_the_request_or_while_still_sold_out(
    sold_out, django_capture_on_commit_callbacks
):
    _product, record, alert = sold_out
    # when: the stock record changes but still cannot sell
    with django_capture_on_commit_callbacks(execute=True):
        record.low_stock_threshold = 2
        record.save()
    assert mail.outbox == []
    # when: it can sell again, nothing leaves before commit
    with django_capture_on_commit_callbacks(execute=False):
        stock.set_level(record.pk, 3)
    assert mail.outbox == []
    alert.refresh_from_db()
    assert alert.status == ProductAlert.ACTIVE


def test_a_sale_asks_nothing_about_alerts(db):
    # a sale never brings a product back, and leaves a well-stocked record above its threshold
    _product, record = product_for_sale("Tajine émaillé", "45.000", stock=10)
    with CaptureQueriesContext(connection) as captured:
        stock.allocate([(record.pk, 1, None)])
    sql = [q["sql"] for q in captured.captured_queries]
    assert not [q for q in sql if "customer_productalert" in q or "partner_stockalert" in q]
    assert mail.outbox == []


def test_a_signed_in_shopper_is_also_told_in_the_notification_centre(db, django_capture_on_commit_callbacks):
    from commerce.notifications.models import Notification
    from commerce.partner.tasks import send_back_in_stock_alerts
    from tests.factories import make_user

    # given: a signed-in shopper waiting for a sold-out product
    product, record = product_for_sale("Jarre en terre", "60.000", stock=0)
    shopper = make_user("nour@example.com", language="ar")
    ProductAlert.objects.create(product=product, user=shopper, status=ProductAlert.ACTIVE)
    # when: it is back, and the task is delivered twice
    with django_capture_on_commit_callbacks(execute=True):
        stock.set_level(record.pk, 2)
    with django_capture_on_commit_callbacks(execute=True):
        send_back_in_stock_alerts.delay(product.pk)
    # then: one notification, in Arabic, leading to the product, and one email
    [notification] = Notification.objects.filter(recipient=shopper)
    assert "Jarre en terre" in notification.title and "متوفر" in notification.title
    with translation.override("ar"):
        assert notification.url == product.get_absolute_url()
    assert len(mail.outbox) == 1
