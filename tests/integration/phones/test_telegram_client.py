"""The Telegram client against the local fake of the Bot API, over real HTTP."""

import time

import pytest

from commerce.notifications.phones import telegram
from commerce.notifications.phones.exceptions import PhoneApiError, RateLimited, TransientError


def test_a_message_reaches_the_chat_with_its_html(phones_fake):
    # When a message with HTML and escaped user text is sent
    result = telegram.send_message("4242", "<b>Nouvelle conversation</b>\n« 3 &lt; 5 » ?")

    # Then the chat received it as written, and Telegram's message object came back
    (message,) = phones_fake.telegram.messages
    assert message["chat_id"] == "4242"
    assert message["text"] == "<b>Nouvelle conversation</b>\n« 3 &lt; 5 » ?"
    assert message["parse_mode"] == "HTML"
    assert result["message_id"] == message["message_id"]
    assert result["chat"]["id"] == "4242"


def test_text_telegram_cannot_parse_is_refused_for_good(phones_fake):
    # When unescaped user text reaches the HTML parser
    with pytest.raises(PhoneApiError) as refused:
        telegram.send_message("4242", "Bonjour <script>")

    # Then Telegram's reason is given, the error is not a temporary one, and nothing was sent
    assert "can't parse entities" in str(refused.value)
    assert not isinstance(refused.value, TransientError)
    assert phones_fake.telegram.messages == []


def test_a_short_rate_limit_is_waited_for_then_the_message_goes(phones_fake):
    # Given Telegram answers the next message with 429, retry after 1 second
    phones_fake.telegram.throttle_next(1)

    # When a message is sent
    started = time.monotonic()
    telegram.send_message("4242", "Bonjour")

    # Then it went once, after the wait Telegram asked for
    assert time.monotonic() - started >= 1
    assert [message["text"] for message in phones_fake.telegram.messages] == ["Bonjour"]


def test_a_long_rate_limit_is_left_to_the_caller_with_its_delay(phones_fake):
    # Given Telegram asks to wait 30 seconds
    phones_fake.telegram.throttle_next(30)

    # When a message is sent, then the client does not block: it says how long to wait
    with pytest.raises(RateLimited) as limited:
        telegram.send_message("4242", "Bonjour")
    assert limited.value.retry_after == 30
    assert phones_fake.telegram.messages == []


def test_a_wrong_token_is_refused(phones_fake, settings):
    # Given a bot token the API does not know
    settings.NOTIFICATIONS_TELEGRAM_TOKEN = "999:not-this-bot"

    # When a message is sent, then Telegram's 401 is a final refusal
    with pytest.raises(PhoneApiError) as refused:
        telegram.send_message("4242", "Bonjour")
    assert refused.value.status == 401
    assert not isinstance(refused.value, TransientError)


def test_gateway_errors_and_an_unreachable_api_are_temporary(phones_fake, settings):
    phones_fake.telegram.fail_next(502)
    with pytest.raises(TransientError):
        telegram.send_message("4242", "Bonjour")

    settings.NOTIFICATIONS_TELEGRAM_API_BASE = "http://127.0.0.1:9"  # nothing listens on the discard port
    with pytest.raises(TransientError):
        telegram.send_message("4242", "Bonjour")
    assert phones_fake.telegram.messages == []
