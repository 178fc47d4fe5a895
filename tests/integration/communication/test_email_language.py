"""Oscar's emails (back in stock …) speak their recipient's language, name the site and link to
the site's real domain, whatever language the request that sent them was in."""

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from oscar.core.loading import get_model

from commerce.partner import stock
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale

ProductAlert = get_model("customer", "ProductAlert")

pytestmark = pytest.mark.django_db


def restock_from_an_english_dashboard(record, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        stock.set_level(record.pk, 4)


def test_a_back_in_stock_email_speaks_arabic_to_an_arabic_shopper(django_capture_on_commit_callbacks):
    product, record = product_for_sale("Lampe en cuivre", "120.000", stock=0)
    shopper = make_user("salma@example.com", first_name="Salma", language="ar")
    ProductAlert.objects.create(product=product, user=shopper, status=ProductAlert.ACTIVE)
    restock_from_an_english_dashboard(record, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == f"Lampe en cuivre متوفر من جديد على {settings.SITE_NAME}"
    assert "مرحبًا Salma" in message.body
    assert f"{settings.OSCAR_URL_SCHEMA}://{settings.SITE_DOMAIN}/ar/catalogue/" in message.body
    assert "example.com" not in message.body and "/en/" not in message.body
    html, _mimetype = message.alternatives[0]
    assert 'dir="rtl"' in html


def test_a_guest_is_written_to_in_the_sites_language_not_the_senders(django_capture_on_commit_callbacks):
    product, record = product_for_sale("Tapis berbère", "300.000", stock=0)
    alert = ProductAlert.objects.create(product=product, email="guest@example.com")
    alert.confirm()
    restock_from_an_english_dashboard(record, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == f"Tapis berbère est de retour en stock sur {settings.SITE_NAME}"
    assert f"L'équipe {settings.SITE_NAME}" in message.body
    assert f"://{settings.SITE_DOMAIN}/fr/catalogue/" in message.body


def test_visiting_the_site_in_a_language_makes_it_the_users_email_language(client):
    shopper = make_user("karim@example.com")
    client.force_login(shopper)
    client.get("/ar/accounts/profile/")
    shopper.refresh_from_db()
    assert shopper.language == "ar"


def test_a_guest_who_asked_in_arabic_is_answered_in_arabic(client, django_capture_on_commit_callbacks):
    product, record = product_for_sale("Jebba brodée", "450.000", stock=0)
    # when: a guest asks, on the Arabic site, to be told when it is back
    client.post(f"/ar/accounts/alerts/create/{product.pk}/", {"email": "Guest@Example.com"})
    alert = ProductAlert.objects.get()
    [confirmation] = mail.outbox  # sent at once, in the page's language, naming the site
    assert confirmation.subject == "أكّد تنبيهك بخصوص «Jebba brodée»"
    assert f"://{settings.SITE_DOMAIN}/ar/accounts/alerts/confirm/" in confirmation.body
    assert f"فريق {settings.SITE_NAME}" in confirmation.body
    alert.confirm()
    mail.outbox.clear()
    restock_from_an_english_dashboard(record, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == f"Jebba brodée متوفر من جديد على {settings.SITE_NAME}"
    assert f"://{settings.SITE_DOMAIN}/ar/catalogue/" in message.body
