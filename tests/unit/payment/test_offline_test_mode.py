"""Which Stripe the project talks to, and saying so when no real payment can happen."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.utils import translation

from commerce.payment.stripe import client, config

BANNER = Template("{% load stripe_tags %}{% stripe_test_mode_banner %}")


def test_without_a_secret_key_the_project_uses_the_local_fake_with_a_test_key(settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE = "", "http://127.0.0.1:9/"
    assert config.is_offline_test_mode()
    assert config.api_key().startswith("sk_test_")
    assert client.get_client()._requestor._options.base_addresses["api"] == "http://127.0.0.1:9"
    with translation.override("en"):
        assert "Test mode — no real payment" in BANNER.render(Context())


def test_without_a_secret_key_nor_a_fake_card_payments_refuse_to_start(settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE = "", ""
    with pytest.raises(ImproperlyConfigured):
        client.get_client()


def test_a_secret_key_talks_to_stripe_itself_and_shows_no_banner(settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE = "sk_live_example", ""
    assert not config.is_offline_test_mode()
    assert client.get_client()._requestor._options.base_addresses["api"] == "https://api.stripe.com"
    assert BANNER.render(Context()).strip() == ""
