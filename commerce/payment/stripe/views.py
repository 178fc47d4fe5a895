"""HTTP edges of Stripe Checkout: the webhook, and the shopper's two ways back from Stripe's page.

Views only parse the request and call ``webhooks``/``sessions``; they manage no transaction of their
own (``non_atomic_requests``) so the services decide what commits together.
"""

from __future__ import annotations

import logging

import stripe
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from .. import order_callbacks
from . import client, sessions, webhooks
from .sessions import CANCEL_SALT

log = logging.getLogger(__name__)

StripeCheckoutSession = get_model("payment", "StripeCheckoutSession")


@csrf_exempt
@require_POST
@transaction.non_atomic_requests
def webhook(request):
    """``POST /payments/stripe/webhook/``: 400 for anything not signed by Stripe, else 200."""
    try:
        event = webhooks.verify(request.body, request.headers.get("Stripe-Signature"))
    except webhooks.InvalidWebhook as error:
        log.warning("Refused a Stripe webhook: %s", error)
        return HttpResponseBadRequest("invalid signature", content_type="text/plain")
    return JsonResponse({"received": True, "outcome": webhooks.handle(event)})


@require_GET
@never_cache
@transaction.non_atomic_requests
def checkout_return(request):
    """Stripe's ``success_url``. May come before the webhook, or twice: asks Stripe, settles, thanks."""
    record = StripeCheckoutSession.objects.filter(session_id=request.GET.get("session_id", "")).first()
    if record is None:
        raise Http404(_("Unknown payment session."))
    try:
        outcome = sessions.settle(client.retrieve_checkout_session(record.session_id))
    except stripe.StripeError:
        log.exception("Could not ask Stripe about session %s; the webhook will settle it", record)
        outcome = sessions.Outcome.PENDING
    if outcome == sessions.Outcome.PENDING:
        messages.info(request, _("Your payment is being processed. We will email you once it is confirmed."))
    request.session["checkout_order_id"] = record.order_id
    return redirect("checkout:thank-you")


@require_GET
@never_cache
@transaction.non_atomic_requests
def checkout_cancel(request):
    """Stripe's ``cancel_url``: close the session at Stripe, cancel the unpaid order, back to the basket."""
    try:
        number = signing.loads(request.GET.get("order", ""), salt=CANCEL_SALT)
    except signing.BadSignature:
        raise Http404(_("Unknown payment session.")) from None
    record = StripeCheckoutSession.objects.filter(order__number=number).select_related("order").first()
    if record is None:
        raise Http404(_("Unknown payment session."))
    outcome = sessions.leave(record)
    if outcome in (sessions.Outcome.CONFIRMED, sessions.Outcome.ALREADY_PAID):
        request.session["checkout_order_id"] = record.order_id
        return redirect("checkout:thank-you")
    order_callbacks.callbacks().recover_basket(request, record.order)
    messages.info(request, _("Payment cancelled. Your basket is still here."))
    return redirect("basket:summary")
