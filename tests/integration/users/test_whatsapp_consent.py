"""WhatsApp opt-in (seed 004): explicit and unticked, recorded with its wording and date, revocable
at any time, in the account and at checkout."""

import pytest
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from commerce.users.consents import give_whatsapp_consent
from commerce.users.models import WhatsAppConsent
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import ensure_tunisia, guest_form

URL = "/fr/accounts/whatsapp/"
WORDING_FR = (
    "J'accepte de recevoir des messages de Souk sur WhatsApp à ce numéro (suivi de commande, nouveautés et "
    "offres). Je peux retirer mon consentement à tout moment depuis mon compte."
)


@pytest.fixture
def shopper(db):
    return make_user("amira@example.com")


def test_the_account_page_offers_an_unticked_box_with_the_wording(client, shopper, settings):
    settings.NOTIFICATIONS_WHATSAPP_BUSINESS_NUMBER = "+216 70 000 111"
    client.force_login(shopper)

    html = client.get(URL).content.decode()

    assert 'type="checkbox" name="consent"' in html
    assert "checked" not in html.split('name="consent"')[1].split(">")[0]
    assert WORDING_FR.replace("'", "&#x27;") in html
    assert 'href="https://wa.me/21670000111"' in html


def test_consent_without_the_box_ticked_is_refused_and_nothing_is_written(client, shopper):
    client.force_login(shopper)

    response = client.post(URL, {"number": "20 123 456"})

    assert response.status_code == 200
    assert "Cochez la case pour donner votre accord" in response.content.decode()
    assert not WhatsAppConsent.objects.exists()


def test_a_bad_number_is_refused_and_nothing_is_written(client, shopper):
    client.force_login(shopper)

    response = client.post(URL, {"number": "12", "consent": "on"})

    assert response.status_code == 200
    assert response.context["form"].errors["number"]
    assert not WhatsAppConsent.objects.exists()


def test_consent_is_recorded_with_its_wording_language_and_date_then_withdrawn(client, shopper):
    client.force_login(shopper)

    # When the shopper ticks the box with their number
    response = client.post(URL, {"number": "20 123 456", "consent": "on"})

    # Then the consent is recorded as they read it
    assert response.status_code == 302
    consent = WhatsAppConsent.objects.get()
    assert (consent.user, consent.number.as_e164, consent.source) == (shopper, "+21620123456", "account")
    assert consent.wording == WORDING_FR
    assert consent.language == "fr"
    assert consent.given_at is not None and consent.revoked_at is None
    page = client.get(URL).content.decode()
    assert "Vous avez accepté le" in page and "+216 20 123 456" in page

    # When they withdraw it
    client.post(URL, {"revoke": "1"})

    # Then it is revoked (the record stays) and the form is offered again
    consent.refresh_from_db()
    assert consent.revoked_at is not None and consent.revoked_at >= consent.given_at
    assert 'name="consent"' in client.get(URL).content.decode()


def test_the_wording_is_kept_in_the_language_it_was_read_in(client, shopper):
    client.force_login(shopper)

    client.post("/ar/accounts/whatsapp/", {"number": "20123456", "consent": "on"})

    consent = WhatsAppConsent.objects.get()
    assert consent.language == "ar"
    assert consent.wording.startswith("أوافق على تلقي رسائل من Souk عبر واتساب")


def test_the_same_number_twice_keeps_one_consent_and_a_new_number_replaces_it(shopper):
    from phonenumber_field.phonenumber import PhoneNumber

    first = give_whatsapp_consent(shopper, PhoneNumber.from_string("+21620123456"), source="account")
    again = give_whatsapp_consent(shopper, PhoneNumber.from_string("+21620123456"), source="checkout")
    assert again == first

    other = give_whatsapp_consent(shopper, PhoneNumber.from_string("+21698765432"), source="account")

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert list(WhatsAppConsent.objects.filter(revoked_at__isnull=True)) == [other]


def test_the_database_refuses_two_current_consents(shopper):
    WhatsAppConsent.objects.create(
        user=shopper, number="+21620123456", wording="w", language="fr", source="account"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        WhatsAppConsent.objects.create(
            user=shopper, number="+21698765432", wording="w", language="fr", source="account"
        )


def test_only_signed_in_people_have_the_page(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- At checkout --------------------------------------------------------------------------------


def buy(client, product, **extra):
    return client.post(f"/fr/checkout/buy/{product.pk}/", {**guest_form("cod"), "quantity": 1, **extra})


@pytest.fixture
def tajine(db):
    ensure_tunisia()
    return product_for_sale("Tajine émaillé", "45.000", stock=5)[0]


def test_checkout_offers_signed_in_shoppers_the_unticked_box_next_to_the_phone(client, shopper, tajine):
    client.force_login(shopper)

    html = client.get(f"/fr/checkout/buy/{tajine.pk}/").content.decode()

    box = html.split('name="whatsapp_opt_in"')
    assert len(box) == 2
    assert "checked" not in box[1].split(">")[0]
    assert html.index('name="phone"') < html.index('name="whatsapp_opt_in"') < html.index('name="line1"')
    assert "Gérer WhatsApp dans votre compte" in html


def test_ordering_without_ticking_records_no_consent(client, shopper, tajine):
    client.force_login(shopper)

    assert buy(client, tajine).status_code == 302

    assert get_model("order", "Order").objects.count() == 1
    assert not WhatsAppConsent.objects.exists()


def test_ticking_the_box_at_checkout_records_the_consent_at_the_orders_phone(client, shopper, tajine):
    client.force_login(shopper)

    assert buy(client, tajine, whatsapp_opt_in="on", phone="+216 98 765 432").status_code == 302

    consent = WhatsAppConsent.objects.get()
    assert (consent.user, consent.number.as_e164, consent.source) == (shopper, "+21698765432", "checkout")
    assert consent.wording == WORDING_FR


def test_a_refused_order_records_no_consent(client, shopper, tajine):
    client.force_login(shopper)

    response = buy(client, tajine, whatsapp_opt_in="on", quantity=99)

    assert response.status_code == 200
    assert not WhatsAppConsent.objects.exists()


def test_shoppers_who_already_agreed_are_not_asked_again(client, shopper, tajine):
    WhatsAppConsent.objects.create(
        user=shopper, number="+21620123456", wording="w", language="fr", source="account"
    )
    client.force_login(shopper)
    assert 'name="whatsapp_opt_in"' not in client.get(f"/fr/checkout/buy/{tajine.pk}/").content.decode()


# --- Guests: asked at checkout, withdrawn from their order's signed page -------------------------

GUEST_WORDING_FR = (
    "J'accepte de recevoir des messages de Souk sur WhatsApp à ce numéro (suivi de commande, nouveautés et "
    "offres). Je peux retirer mon consentement à tout moment depuis la page de ma commande (le lien de mon "
    "e-mail de confirmation)."
)


def test_a_guest_is_offered_the_box_with_where_to_withdraw(client, tajine):
    html = client.get(f"/fr/checkout/buy/{tajine.pk}/").content.decode()

    box = html.split('name="whatsapp_opt_in"')
    assert len(box) == 2 and "checked" not in box[1].split(">")[0]
    assert "la page de ma commande" in html
    assert "Gérer WhatsApp dans votre compte" not in html  # a guest has no account


def test_a_guest_who_ticks_the_box_is_in_the_export_and_withdraws_from_the_order_page(client, tajine):
    from commerce.users.consent_export import whatsapp_opt_ins_csv

    response = buy(client, tajine, whatsapp_opt_in="on", phone="+216 98 765 432")
    assert response.status_code == 302

    # then: the consent is the guest's, with the wording a guest read
    consent = WhatsAppConsent.objects.get()
    order = get_model("order", "Order").objects.get()
    assert (consent.user, consent.guest_email, consent.number.as_e164) == (
        None,
        order.guest_email,
        "+21698765432",
    )
    assert consent.wording == GUEST_WORDING_FR
    assert order.guest_email in whatsapp_opt_ins_csv()[1]

    # when: the guest opens their order's signed page and withdraws
    page = f"/fr/accounts/order-status/{order.number}/{order.verification_hash()}/"
    assert "Retirer mon consentement" in client.get(page).content.decode()
    assert client.post(page, {"revoke_whatsapp": "1"}).status_code == 302

    # then: withdrawn, out of the next export, and the page no longer offers it
    consent.refresh_from_db()
    assert consent.revoked_at is not None
    assert order.guest_email not in whatsapp_opt_ins_csv()[1]
    assert "Retirer mon consentement" not in client.get(page).content.decode()


def test_a_forged_order_link_withdraws_nothing(client, tajine):
    buy(client, tajine, whatsapp_opt_in="on")
    order = get_model("order", "Order").objects.get()

    response = client.post(f"/fr/accounts/order-status/{order.number}/forged/", {"revoke_whatsapp": "1"})

    assert response.status_code == 404
    assert WhatsAppConsent.objects.get().revoked_at is None


def test_the_database_refuses_two_current_consents_of_one_guest(db):
    WhatsAppConsent.objects.create(
        guest_email="a@example.com", number="+21620123456", wording="w", language="fr"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        WhatsAppConsent.objects.create(
            guest_email="A@example.com", number="+21620999999", wording="w", language="fr"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        WhatsAppConsent.objects.create(number="+21620999999", wording="w", language="fr")  # nobody's
