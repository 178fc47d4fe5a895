"""When a client opens a conversation (the thread's first message), the admin on duty's Telegram gets
the gist and a link to answer: through notify(), the telegram channel and the phones queue."""

import time

import pytest
from django.urls import reverse
from django.utils import translation

from commerce.messaging import services as messaging
from commerce.users.roles import SUPPORT
from tests.factories import make_user


@pytest.fixture
def admin_on_duty(db, settings):
    """The admin on duty, with the preferences they start with (the phones are on by default)."""
    settings.SITE_URL = "https://souk.example"
    return make_user("admin@example.com", is_superuser=True, is_staff=True)


def test_a_clients_first_message_reaches_the_admin_on_dutys_telegram_once(
    phones_fake, admin_on_duty, django_capture_on_commit_callbacks
):
    # Given a support agent who is not on duty, and a client
    make_user("agent@example.com", role=SUPPORT, is_staff=True)
    client = make_user("amira@example.com", first_name="Amira")

    # When the client opens a support conversation
    with django_capture_on_commit_callbacks(execute=True):
        thread, _created = messaging.open_support_thread(user=client)
        messaging.post_message(thread, sender=client, body="Bonjour, le tajine <grand> existe-t-il en bleu ?")

    # Then one Telegram message: the gist (escaped) and the link to answer in the support console
    (message,) = phones_fake.telegram.messages
    assert "Bonjour, le tajine &lt;grand&gt; existe-t-il en bleu ?" in message["text"]
    with translation.override("fr"):
        answer = reverse("messaging-support:thread", args=[thread.pk])
    assert f'<a href="https://souk.example{answer}">Ouvrir</a>' in message["text"]

    # When the client writes again, then the phone stays quiet (only the opening rings it)
    with django_capture_on_commit_callbacks(execute=True):
        messaging.post_message(thread, sender=client, body="Et en vert ?")
    assert len(phones_fake.telegram.messages) == 1


def test_people_not_on_duty_have_no_phone_channel(phones_fake, admin_on_duty):
    from commerce.notifications.channels import channels_for

    agent = make_user("agent@example.com", role=SUPPORT, is_staff=True)

    assert {"telegram", "whatsapp"} <= {channel.name for channel in channels_for(admin_on_duty)}
    assert not {"telegram", "whatsapp"} & {channel.name for channel in channels_for(agent)}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_telegram_fake_receives_the_alert_within_ten_seconds_of_the_first_message(
    phones_fake, async_tasks, settings
):
    # Given the admin on duty and a client (committed: the worker reads them)
    make_user("admin@example.com", is_superuser=True, is_staff=True)
    client = make_user("amira@example.com", first_name="Amira")
    thread, _created = messaging.open_support_thread(user=client)

    # When the client sends the thread's first message
    started = time.monotonic()
    messaging.post_message(thread, sender=client, body="Bonjour, livrez-vous à Sfax ?")

    # Then the Telegram fake has it within 10 seconds, through the real worker
    while not phones_fake.telegram.messages:
        assert time.monotonic() - started < 10, "no Telegram alert within 10 seconds"
        time.sleep(0.05)
    assert "Bonjour, livrez-vous à Sfax ?" in phones_fake.telegram.messages[0]["text"]
