"""The WhatsApp Cloud API client against the local fake, over real HTTP."""

import pytest

from commerce.notifications.phones import offline, whatsapp
from commerce.notifications.phones.exceptions import PhoneApiError, RateLimited, TransientError


def test_a_text_message_reaches_the_number(phones_fake):
    wamid = whatsapp.send_text("21698123456", "Nouvelle commande n° 100042")

    (message,) = phones_fake.whatsapp.messages
    assert message == {**message, "id": wamid, "to": "21698123456", "type": "text"}
    assert message["text"] == "Nouvelle commande n° 100042"
    assert wamid.startswith("wamid.")


def test_a_template_goes_with_its_language_and_body_parameters(phones_fake):
    whatsapp.send_template("21698123456", "admin_alert", "fr", ["Nouvelle commande · 100042"])

    (message,) = phones_fake.whatsapp.messages
    assert message["template"] == {
        "name": "admin_alert",
        "language": {"code": "fr"},
        "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "Nouvelle commande · 100042"}]}
        ],
    }


def test_a_wrong_token_or_phone_number_id_is_refused_for_good(phones_fake, settings):
    settings.NOTIFICATIONS_WHATSAPP_TOKEN = "EAAG-not-this-one"
    settings.NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID = offline.WHATSAPP_PHONE_NUMBER_ID
    with pytest.raises(PhoneApiError) as refused:
        whatsapp.send_text("21698123456", "Bonjour")
    assert (refused.value.status, refused.value.code) == (401, 190)
    assert not isinstance(refused.value, TransientError)

    settings.NOTIFICATIONS_WHATSAPP_TOKEN, settings.NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID = "", "123"
    with pytest.raises(PhoneApiError) as refused:
        whatsapp.send_text("21698123456", "Bonjour")
    assert "does not exist" in str(refused.value)
    assert phones_fake.whatsapp.messages == []


def test_a_bad_number_is_refused(phones_fake):
    with pytest.raises(PhoneApiError) as refused:
        whatsapp.send_text("12", "Bonjour")
    assert refused.value.code == 131009


def test_rate_limits_and_an_unreachable_api_are_temporary(phones_fake, settings):
    phones_fake.whatsapp.rate_limit_next()
    with pytest.raises(RateLimited) as limited:
        whatsapp.send_text("21698123456", "Bonjour")
    assert limited.value.code == 130429

    settings.NOTIFICATIONS_WHATSAPP_API_BASE = "http://127.0.0.1:9/v21.0"
    with pytest.raises(TransientError):
        whatsapp.send_text("21698123456", "Bonjour")
    assert phones_fake.whatsapp.messages == []
