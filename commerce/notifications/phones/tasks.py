"""Send one alert to the admin's phone; thin, and safe to run twice (a claim per alert and channel).

The claim is an atomic ``cache.add`` in Redis, taken before sending and given back when the send
failed in a way worth retrying: a task delivered twice (``acks_late`` after a worker died, a retry
racing its original) sends the message once. Rate limits wait what the API asks; other temporary
failures back off; a refusal (bad token, unknown chat) is logged and not retried.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.core.cache import cache

from . import config, telegram, whatsapp
from .exceptions import PhoneApiError, RateLimited, TransientError

logger = logging.getLogger(__name__)

#: Seconds a sent alert's claim is kept: longer than any redelivery or retry of its task.
CLAIM_SECONDS = 7 * 24 * 3600
MAX_BACKOFF = 120
TASK_OPTIONS = {"bind": True, "acks_late": True, "max_retries": 8, "soft_time_limit": 45, "time_limit": 60}


def claim_key(channel: str, key: str) -> str:
    return f"phones:sent:{channel}:{key}"


def _deliver_once(task, channel: str, key: str, send) -> bool:
    claim = claim_key(channel, key)
    if not cache.add(claim, "sent", timeout=CLAIM_SECONDS):
        return False
    try:
        send()
    except RateLimited as error:
        cache.delete(claim)
        raise task.retry(exc=error, countdown=error.retry_after) from error
    except TransientError as error:
        cache.delete(claim)
        raise task.retry(exc=error, countdown=min(2**task.request.retries, MAX_BACKOFF)) from error
    except PhoneApiError:
        logger.exception("The %s alert %s was refused; it is not sent again.", channel, key)
        return False
    except BaseException:
        cache.delete(claim)
        raise
    return True


@shared_task(**TASK_OPTIONS)
def send_telegram_alert(self, key: str, text: str) -> bool:
    """Send ``text`` (Telegram HTML) to the admin on duty's chat, once per ``key``."""
    if not config.telegram_enabled():
        return False
    return _deliver_once(
        self, "telegram", key, lambda: telegram.send_message(config.telegram_chat_id(), text)
    )


@shared_task(**TASK_OPTIONS)
def send_whatsapp_alert(self, key: str, text: str, language: str) -> bool:
    """Send ``text`` to the admin on duty's WhatsApp, once per ``key``: through the approved template
    when one is set (its one parameter may not hold line breaks), else as a text message."""
    if not config.whatsapp_enabled():
        return False
    to, template = config.whatsapp_admin_number(), settings.NOTIFICATIONS_WHATSAPP_ALERT_TEMPLATE
    if template:
        one_line = " · ".join(part.strip() for part in text.splitlines() if part.strip())
        return _deliver_once(
            self, "whatsapp", key, lambda: whatsapp.send_template(to, template, language, [one_line])
        )
    return _deliver_once(self, "whatsapp", key, lambda: whatsapp.send_text(to, text))
