"""Alerts to the admin's phone: queued after commit, written safely, sent once, retried when worth it."""

import pytest
from celery.exceptions import Retry

from commerce.notifications.phones import tasks
from commerce.notifications.phones.alerts import Alert


def chat_opened(gist="Bonjour, le tajine <grand> existe-t-il en bleu ?"):
    return Alert(
        key="notification-7",
        title="Nouvelle conversation : Amira",
        gist=gist,
        url="https://souk.example/fr/support/threads/7/",
        link_label="Ouvrir",
    )


def test_an_alert_escapes_what_users_wrote_and_links_to_the_answer():
    assert chat_opened().telegram_text() == (
        "<b>Nouvelle conversation : Amira</b>\nBonjour, le tajine &lt;grand&gt; existe-t-il en bleu ?\n\n"
        '<a href="https://souk.example/fr/support/threads/7/">Ouvrir</a>'
    )
    assert chat_opened().whatsapp_text() == (
        "*Nouvelle conversation : Amira*\nBonjour, le tajine <grand> existe-t-il en bleu ?\n\n"
        "Ouvrir: https://souk.example/fr/support/threads/7/"
    )


def test_a_long_gist_is_cut_for_the_phone():
    alert = chat_opened(gist="mot " * 200)
    assert len(alert.short_gist()) == 280
    assert alert.short_gist().endswith("…")


@pytest.mark.django_db
def test_a_task_run_twice_sends_once(phones_fake):
    key = "order-100042-placed-twice"
    assert tasks.send_telegram_alert.apply(args=(key, "<b>Commande</b>")).get() is True
    assert tasks.send_telegram_alert.apply(args=(key, "<b>Commande</b>")).get() is False
    assert tasks.send_whatsapp_alert.apply(args=(key, "Commande", "fr")).get() is True
    assert tasks.send_whatsapp_alert.apply(args=(key, "Commande", "fr")).get() is False

    assert len(phones_fake.telegram.messages) == len(phones_fake.whatsapp.messages) == 1


@pytest.mark.django_db
def test_a_rate_limited_alert_is_retried_when_telegram_says_then_sent(phones_fake):
    # Given Telegram asks the first attempt to wait longer than the client waits by itself
    phones_fake.telegram.throttle_next(20)

    # When the task runs, then it is retried after the delay Telegram gave
    with pytest.raises(Retry) as retry:
        tasks.send_telegram_alert.apply(args=("thread-8-opened", "Bonjour"))
    assert retry.value.when == 20
    assert phones_fake.telegram.messages == []

    # And when the retry runs, the alert goes, once
    assert tasks.send_telegram_alert.apply(args=("thread-8-opened", "Bonjour")).get() is True
    assert [message["text"] for message in phones_fake.telegram.messages] == ["Bonjour"]


@pytest.mark.django_db
def test_a_refused_alert_is_not_retried(phones_fake, settings, caplog):
    settings.NOTIFICATIONS_TELEGRAM_TOKEN = "999:revoked-bot"

    result = tasks.send_telegram_alert.apply(args=("thread-9-opened", "Bonjour"))

    assert result.get() is False
    assert "refused" in caplog.text
    assert phones_fake.telegram.messages == []


@pytest.mark.django_db
def test_a_template_carries_the_alert_on_one_line(phones_fake, settings):
    settings.NOTIFICATIONS_WHATSAPP_ALERT_TEMPLATE = "admin_alert"

    tasks.send_whatsapp_alert.apply(args=("order-1", "*Nouvelle commande*\n\n100042 · 45,000 DT", "fr"))

    (message,) = phones_fake.whatsapp.messages
    parameter = message["template"]["components"][0]["parameters"][0]["text"]
    assert parameter == "*Nouvelle commande* · 100042 · 45,000 DT"
    assert message["template"]["language"] == {"code": "fr"}


def test_phone_tasks_go_to_their_own_queue(settings):
    from config.celery import app

    settings.NOTIFICATIONS_PHONES_QUEUE = "phones-elsewhere"
    route = app.amqp.router.route({}, tasks.send_telegram_alert.name)
    assert route["queue"].name == "phones-elsewhere"
    assert app.amqp.router.route({}, "commerce.core.tasks.beat_heartbeat")["queue"].name != "phones-elsewhere"
