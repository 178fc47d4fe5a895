"""Stripe's webhook events, verified and handled once each.

``verify()`` checks the ``Stripe-Signature`` header with the official library (HMAC-SHA256 over
``"{t}.{body}"``, 300 s tolerance). Handlers are registered per event type (``register()``): the
payment app registers its own below, other apps (subscriptions) from their ``AppConfig.ready``, so
payment imports none of them. ``handle()`` inserts the event id into ``ProcessedStripeEvent``
*first*, inside the transaction that applies the event: a concurrent replay blocks on the unique
index until the first commits, then fails and answers "already processed". Events may arrive in
any order, so each handler only moves an order forward (an expiry after payment does nothing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import stripe
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .. import refunds
from . import config, sessions
from .sessions import Outcome

log = logging.getLogger(__name__)

ProcessedStripeEvent = get_model("payment", "ProcessedStripeEvent")

ALREADY_PROCESSED = "already-processed"
IGNORED = "ignored"


class InvalidWebhook(Exception):
    """The body is not a Stripe event signed with our endpoint's secret (or is too old)."""


def verify(payload: bytes, signature: str | None) -> stripe.Event:
    try:
        return stripe.Webhook.construct_event(payload, signature, config.webhook_secret())
    except (stripe.SignatureVerificationError, ValueError) as error:  # ValueError: not JSON / not UTF-8
        raise InvalidWebhook(str(error)) from error


def _session_completed(session):
    return sessions.settle(session)


def _session_expired(session):
    return sessions.abandon(_order_number(session), reason=_("The Stripe checkout session expired."))


def _async_payment_failed(session):
    return sessions.abandon(_order_number(session), reason=_("The payment failed."))


def _payment_intent_failed(intent):
    """In Checkout a declined card leaves the session open and the shopper may try again: only a
    payment intent that can no longer succeed (``canceled``) gives up the order. Otherwise the
    session's expiry will."""
    if intent.get("status") != "canceled":
        return Outcome.PENDING
    return sessions.abandon(_order_number(intent), reason=_("The payment failed."))


def _refund_updated(refund):
    """A refund we asked for changed (or was made while our own confirmation was lost): complete or
    fail the pending refund it names."""
    key = (refund.get("metadata") or {}).get("refund_key")
    if not key:
        return IGNORED
    record = refunds.confirm_refund(
        key, stripe_refund_id=refund.get("id", ""), stripe_status=refund.get("status")
    )
    return f"refund-{record.status}" if record is not None else IGNORED


def _charge_refunded(charge):
    """A charge was refunded: each of its refunds Stripe lists is confirmed (once)."""
    outcomes = [_refund_updated(refund) for refund in (charge.get("refunds") or {}).get("data") or []]
    return ",".join(sorted(set(outcomes))) or IGNORED


def _order_number(obj) -> str:
    metadata = obj.get("metadata") or {}
    return metadata.get("order_number") or obj.get("client_reference_id") or ""


@dataclass(frozen=True)
class Handler:
    """One registered handler: ``apply(obj)`` (``apply(obj, event)`` when ``with_event``) for the
    events whose object ``accepts(obj)`` (all of them when ``accepts`` is None)."""

    apply: Callable
    accepts: Callable | None = None
    with_event: bool = False


_handlers: dict[str, list[Handler]] = {}


def register(event_type: str, handler, *, accepts=None, with_event: bool = False) -> None:
    """Make ``handler`` apply events of ``event_type``; it returns an outcome string.

    ``accepts(obj)`` narrows it to some objects (Checkout Sessions in ``mode=subscription``), the
    latest registered handler that accepts an event wins; ``with_event`` passes the event too (its
    ``created`` tells stale news). Runs inside the transaction that records the event as processed.
    """
    _handlers.setdefault(event_type, []).insert(0, Handler(handler, accepts, with_event))


def handler_for(event_type: str, obj: dict) -> Handler | None:
    for handler in _handlers.get(event_type, ()):
        if handler.accepts is None or handler.accepts(obj):
            return handler
    return None


register("checkout.session.completed", _session_completed)
register("checkout.session.async_payment_succeeded", _session_completed)
register("checkout.session.expired", _session_expired)
register("checkout.session.async_payment_failed", _async_payment_failed)
register("payment_intent.payment_failed", _payment_intent_failed)
register("charge.refunded", _charge_refunded)
register("refund.updated", _refund_updated)


def handle(event: stripe.Event) -> str:
    """Apply ``event`` once; answers what was done (``ALREADY_PROCESSED`` for a replay)."""
    obj = event.data.object.to_dict()  # stripe objects are not dicts; handlers read plain data
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = ProcessedStripeEvent.objects.create(
                    event_id=event.id, event_type=event.type, order_number=_order_number(obj)[:128]
                )
        except IntegrityError:
            return ALREADY_PROCESSED
        handler = handler_for(event.type, obj)
        if handler is None:
            record.outcome = IGNORED
        else:
            record.outcome = handler.apply(obj, event) if handler.with_event else handler.apply(obj)
        record.save(update_fields=["outcome"])
    log.info("Stripe event %s (%s): %s", event.id, event.type, record.outcome)
    return record.outcome
