"""Order emails: in the order's language, HTML + text, invoices attached, sent once per event."""

import pytest
from django.core import mail

from commerce.order import emails
from commerce.order.tasks import send_order_email
from tests.integration.invoices.conftest import Order, make_order
from tests.integration.invoices.test_numbering import run_together


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.fixture
def shopper(user_in_role):
    return user_in_role(email="leila@example.com")


@pytest.mark.django_db
def test_cash_on_delivery_confirmation_in_french_with_the_invoice_attached(sellers, shopper, current_site):
    # given: a confirmed cash-on-delivery order placed in French
    order = make_order(
        [(sellers["nabeul"], "Tajine en terre cuite", "119.000", 1)],
        user=shopper,
        payment_method=Order.CASH_ON_DELIVERY,
        paid=False,
        language="fr",
    )
    # when: the task runs twice
    assert send_order_email.delay(order.number, emails.ORDER_PLACED).get() is True
    assert send_order_email.delay(order.number, emails.ORDER_PLACED).get() is False
    # then: one email, in French, text and HTML, with the invoice PDF
    [message] = mail.outbox
    invoice = order.invoices.get()
    assert message.to == ["leila@example.com"]
    assert message.subject == f"Confirmation de votre commande {order.number}"
    assert "Vous réglerez 119,000\xa0TND en espèces à la livraison" in message.body
    assert invoice.number in message.body
    html = html_of(message)
    assert 'lang="fr"' in html and "Merci pour votre commande" in html
    assert f"/fr/accounts/orders/{order.number}/invoice/{invoice.number}/" in html
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"{invoice.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")
    assert order.communication_events.filter(event_type__code=emails.ORDER_PLACED).count() == 1


@pytest.mark.django_db
def test_payment_email_in_arabic_is_right_to_left_and_carries_every_invoice(sellers, shopper, current_site):
    # given: a card order from two sellers, placed in Arabic, now paid
    order = make_order(
        [(sellers["nabeul"], "Tajine", "119.000", 1), (sellers["jebba"], "Chechia", "59.500", 1)],
        user=shopper,
        language="ar",
    )
    # when
    emails.send_order_email(order, emails.ORDER_PAID)
    # then
    [message] = mail.outbox
    assert message.subject == f"تم استلام الدفع للطلب {order.number}"
    html = html_of(message)
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert "/ar/accounts/orders/" in html
    assert sorted(name for name, _content, _type in message.attachments) == sorted(
        f"{number}.pdf" for number in order.invoices.values_list("number", flat=True)
    )


@pytest.mark.django_db
def test_status_emails_have_no_attachment_and_each_goes_once(sellers, shopper, current_site):
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)], user=shopper, language="en")
    for event in (emails.ORDER_CANCELLED, emails.ORDER_CANCELLED):
        emails.send_order_email(order, event)
    assert [message.subject for message in mail.outbox] == [f"Your order {order.number} has been cancelled"]
    assert all(not message.attachments for message in mail.outbox)
    assert emails.event_for_status("paid") == emails.ORDER_PAID


@pytest.mark.django_db
def test_a_guest_gets_signed_links(sellers, current_site):
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)], guest_email="guest@example.com")
    emails.send_order_email(order, emails.ORDER_PAID)
    [message] = mail.outbox
    assert message.to == ["guest@example.com"]
    assert f"/order-status/{order.number}/{order.verification_hash()}/" in message.body
    assert f"/invoice/{order.invoices.get().number}/{order.verification_hash()}/" in message.body


@pytest.mark.django_db
def test_an_unknown_email_is_refused(sellers, current_site):
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)])
    with pytest.raises(ValueError):
        emails.send_order_email(order, "ORDER_TELEPORTED")


@pytest.mark.django_db(transaction=True)
def test_the_same_email_sent_by_five_workers_at_once_goes_once(current_site):
    from tests.integration.invoices.conftest import Partner

    seller = Partner.objects.create(name="Dar Nabeul")
    order = make_order([(seller, "Tajine", "119.000", 1)], guest_email="guest@example.com")
    results, errors = run_together(5, lambda _i: emails.send_order_email(order, emails.ORDER_CANCELLED))
    assert errors == {}
    assert sorted(results.values()) == [False, False, False, False, True]
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_signed_in_customer_also_finds_it_in_the_notification_centre(sellers, shopper, current_site):
    from commerce.notifications.models import Notification

    # given: an order placed in Arabic by a signed-in customer
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)], user=shopper, language="ar")
    # when: the payment email's task runs twice
    emails.send_order_email(order, emails.ORDER_PAID)
    emails.send_order_email(order, emails.ORDER_PAID)
    # then: one notice, titled as the email, in Arabic, leading to the order
    [notification] = Notification.objects.filter(recipient=shopper)
    assert notification.event == "order.order_paid"
    assert notification.title == mail.outbox[0].subject == f"تم استلام الدفع للطلب {order.number}"
    assert notification.url == f"/ar/accounts/orders/{order.number}/"
    assert len(mail.outbox) == 1
