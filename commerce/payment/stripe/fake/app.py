"""The local fake of Stripe: the few v1 endpoints the project calls, a hosted test-mode checkout page,
and webhook events signed with Stripe's real scheme.

It exists so that tests and ``make run`` without keys exercise the real ``stripe`` library over real
HTTP, with real signatures, and no internet. State lives in memory; a lock makes every request
atomic. Standard library only (no Django), so it can run in a thread of the test process or as its
own process (``python -m commerce.payment.stripe.fake``).

Billing (customers, prices, subscriptions, invoices, the portal, test clocks) is in ``billing.py``.

Endpoints: ``POST /v1/checkout/sessions`` (``mode=payment`` or ``subscription``),
``GET /v1/checkout/sessions/{id}``,
``POST /v1/checkout/sessions/{id}/expire``, ``POST /v1/refunds``, ``GET /v1/refunds/{id}``,
``GET /v1/payment_intents/{id}``; ``charge.refunded`` events for refunds;
the page ``GET|POST /pay/{session id}``.
"""

from __future__ import annotations

import copy
import json
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import parse_qs

from commerce.payment.stripe.signing import signature_header

from . import page
from .billing import GOOD_CARD, BillingMixin
from .protocol import StripeError, check_amount, decode_form, json_body, new_id, to_int

SESSION_LIFETIME = 24 * 3600


def _injected_failure():
    error = StripeError(500, "An unknown error occurred (injected by the test).", type="api_error")
    error.headers = [("Stripe-Should-Retry", "false")]
    return error


class FakeStripe(BillingMixin):
    """A WSGI application standing in for api.stripe.com and its hosted Checkout page."""

    def __init__(self, *, webhook_secret: str, webhook_url: str | None = None):
        #: Events are signed with this secret and POSTed to ``webhook_url`` (only recorded when None).
        self.webhook_secret = webhook_secret
        self.webhook_url = webhook_url
        #: Public base URL, set by the server once it knows its port (used in ``session.url``).
        self.base_url = ""
        self.lock = threading.RLock()
        self.sessions: dict[str, dict] = {}
        self.payment_intents: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        #: Every event created, oldest first, and every delivery attempt as (event id, HTTP status).
        self.events: list[dict] = []
        self.deliveries: list[tuple[str, int]] = []
        #: Every API call as (method, path), so tests can see the library really called.
        self.requests: list[tuple[str, str]] = []
        self._line_items: dict[str, list[dict]] = {}
        self._intent_metadata: dict[str, dict] = {}
        self._amount_refunded: dict[str, int] = {}
        self._idempotent: dict[str, tuple[str, int, bytes]] = {}
        self._pending: list[threading.Thread] = []
        #: API paths whose next call fails once: (path, after processing?) — see ``fail_next``.
        self._failures: list[tuple[str, bool]] = []
        self.api_version = None
        self._subscription_data: dict[str, dict] = {}
        self._init_billing()

    def fail_next(self, path: str, *, after_processing: bool = False) -> None:
        """The next call to ``path`` (``"/v1/refunds"``) answers a 500 that the library does not retry
        (``Stripe-Should-Retry: false``): before doing anything, or after doing it, as when the
        answer is lost on the way back (the idempotency key then replays what was done)."""
        with self.lock:
            self._failures.append((path, after_processing))

    def _take_failure(self, path):
        for failure in self._failures:
            if failure[0] == path:
                self._failures.remove(failure)
                return failure
        return None

    # --- WSGI ---------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length).decode() if length else ""
        try:
            if path.startswith("/v1/"):
                status, content, headers = self._api(environ, method, path, body)
            elif path.startswith("/pay/"):
                status, content, headers = self._hosted_page(environ, method, path, body)
            elif path.startswith("/portal/"):
                status, content, headers = self._portal_page(environ, method, path, body)
            else:
                raise StripeError(404, f"Unrecognized request URL ({method}: {path}).")
        except StripeError as error:
            status, content, headers = (
                error.status,
                json_body(error.body),
                [("Content-Type", "application/json"), *error.headers],
            )
        reasons = {
            200: "OK",
            303: "See Other",
            400: "Bad Request",
            401: "Unauthorized",
            404: "Not Found",
            500: "Internal Server Error",
        }
        start_response(
            f"{status} {reasons.get(status, 'Error')}", [*headers, ("Content-Length", str(len(content)))]
        )
        return [content]

    def _api(self, environ, method, path, body):
        self.requests.append((method, path))
        self._authenticate(environ.get("HTTP_AUTHORIZATION", ""))
        self.api_version = environ.get("HTTP_STRIPE_VERSION") or self.api_version
        if method == "GET":
            params = {key: values[-1] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
        else:
            params = decode_form(body)
        key = environ.get("HTTP_IDEMPOTENCY_KEY") if method == "POST" else None
        with self.lock:
            failure = self._take_failure(path)
            if failure and not failure[1]:
                raise _injected_failure()
            if key and key in self._idempotent:
                fingerprint, status, content = self._idempotent[key]
                if fingerprint != f"{path}?{body}":
                    raise StripeError(
                        400,
                        "Keys for idempotent requests can only be used with the same parameters they "
                        "were first used with.",
                        type="idempotency_error",
                    )
                return (
                    status,
                    content,
                    [("Content-Type", "application/json"), ("Idempotent-Replayed", "true")],
                )
            status, obj = 200, self._route(method, path.rstrip("/").split("/")[2:], params)
            content = json_body(obj)
            if key:
                self._idempotent[key] = (f"{path}?{body}", status, content)
            if failure:
                raise _injected_failure()
        return status, content, [("Content-Type", "application/json"), ("Request-Id", new_id("req"))]

    @staticmethod
    def _authenticate(header):
        if not header.startswith("Bearer "):
            raise StripeError(
                401,
                "You did not provide an API key. Provide it as a Bearer token in the Authorization header.",
            )
        if not header[7:].startswith(("sk_test_", "rk_test_")):
            raise StripeError(
                401, "Invalid API Key provided: the local fake of Stripe accepts test keys only."
            )

    def _route(self, method, parts, params):
        match method, parts:
            case "POST", ["checkout", "sessions"]:
                return self.create_session(params)
            case "GET", ["checkout", "sessions", session_id]:
                return self._get(self.sessions, session_id, "checkout.session")
            case "POST", ["checkout", "sessions", session_id, "expire"]:
                return self.expire(session_id)[0]
            case "POST", ["refunds"]:
                return self.create_refund(params)
            case "GET", ["refunds", refund_id]:
                return self._get(self.refunds, refund_id, "refund")
            case "GET", ["payment_intents", intent_id]:
                return self._get(self.payment_intents, intent_id, "payment_intent")
        return self._billing_route(method, parts, params)

    @staticmethod
    def _get(store, object_id, kind):
        if object_id not in store:
            raise StripeError(404, f"No such {kind}: '{object_id}'", code="resource_missing", param="id")
        return copy.deepcopy(store[object_id])

    # --- Checkout Sessions --------------------------------------------------------------------
    def create_session(self, params: dict) -> dict:
        if params.get("mode") not in ("payment", "subscription"):
            raise StripeError(400, "Unsupported mode (payment or subscription here).", param="mode")
        if not params.get("success_url"):
            raise StripeError(400, "Missing required param: success_url.", code="parameter_missing")
        if params["mode"] == "subscription":
            return self._create_session(params, [], None)
        items, currency = [], None
        for index, item in enumerate(params.get("line_items") or []):
            prefix = f"line_items[{index}]"
            price = item.get("price_data") or {}
            item_currency = str(price.get("currency", "")).lower()
            if not item_currency or (currency and item_currency != currency):
                raise StripeError(400, "Line items must all use one currency.", param=f"{prefix}[price_data]")
            currency = item_currency
            unit_amount = to_int(price.get("unit_amount"), f"{prefix}[price_data][unit_amount]")
            check_amount(unit_amount, currency, f"{prefix}[price_data][unit_amount]")
            quantity = to_int(item.get("quantity"), f"{prefix}[quantity]")
            if quantity < 1:
                raise StripeError(400, "Quantity must be at least 1.", param=f"{prefix}[quantity]")
            name = (price.get("product_data") or {}).get("name")
            if not name:
                raise StripeError(400, "Missing required param: product_data[name].", param=f"{prefix}")
            items.append(
                {"description": name, "quantity": quantity, "unit_amount": unit_amount, "currency": currency}
            )
        if not items:
            raise StripeError(400, "Missing required param: line_items.", code="parameter_missing")
        return self._create_session(params, items, currency)

    def _create_session(self, params, items, currency):
        total = sum(item["unit_amount"] * item["quantity"] for item in items)
        now = int(time.time())
        session_id = new_id("cs_test")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "amount_subtotal": total,
            "amount_total": total,
            "cancel_url": params.get("cancel_url"),
            "client_reference_id": params.get("client_reference_id"),
            "created": now,
            "currency": currency,
            "customer_email": params.get("customer_email"),
            "expires_at": int(params.get("expires_at") or now + SESSION_LIFETIME),
            "livemode": False,
            "locale": params.get("locale"),
            "metadata": params.get("metadata") or {},
            "mode": params["mode"],
            "payment_intent": None,
            "payment_status": "unpaid",
            "status": "open",
            "success_url": params["success_url"],
            "url": f"{self.base_url}/pay/{session_id}",
        }
        with self.lock:
            if params["mode"] == "subscription":
                items = self._subscription_session(params, session)
            self.sessions[session_id] = session
            self._line_items[session_id] = items
            self._intent_metadata[session_id] = (params.get("payment_intent_data") or {}).get(
                "metadata"
            ) or {}
        return copy.deepcopy(session)

    def _open_session(self, session_id):
        session = self.sessions.get(session_id)
        if session is None:
            raise StripeError(404, f"No such checkout.session: '{session_id}'", code="resource_missing")
        if session["status"] != "open":
            raise StripeError(
                400,
                f'Only Checkout Sessions with a status in ["open"] can be expired or paid ({session_id}).',
            )
        return session

    def _intent(self, session, status):
        intent = self.payment_intents.get(session["payment_intent"] or "")
        if intent is None:
            intent = {
                "id": new_id("pi"),
                "object": "payment_intent",
                "amount": session["amount_total"],
                "currency": session["currency"],
                "latest_charge": None,
                "last_payment_error": None,
                "metadata": copy.deepcopy(self._intent_metadata.get(session["id"], {})),
                "status": status,
            }
            self.payment_intents[intent["id"]] = intent
            session["payment_intent"] = intent["id"]
        intent["status"] = status
        if status == "succeeded":
            intent["latest_charge"], intent["last_payment_error"] = new_id("ch"), None
        return intent

    def pay(self, session_id: str, *, payment_status: str = "paid") -> dict:
        """The shopper pays: ``payment_status="unpaid"`` stands for a delayed (asynchronous) method.

        In ``mode=subscription`` the events that follow (the subscription, its first invoice) are
        recorded after ``checkout.session.completed``, which is delivered now and returned.
        """
        with self.lock:
            session = self._open_session(session_id)
            if session["mode"] == "subscription":
                event, *rest = self._pay_subscription_session(session)
        if session["mode"] == "subscription":
            self.deliver(event)
            self._send_all(rest)
            return event
        with self.lock:
            self._intent(session, "succeeded" if payment_status == "paid" else "processing")
            session.update(status="complete", payment_status=payment_status)
            event = self.event("checkout.session.completed", session)
        self.deliver(event)
        return event

    def settle_async(self, session_id: str, *, succeeded: bool) -> dict:
        """A delayed payment method succeeds or fails after ``checkout.session.completed``."""
        with self.lock:
            session = self.sessions[session_id]
            self._intent(session, "succeeded" if succeeded else "requires_payment_method")
            if succeeded:
                session["payment_status"] = "paid"
            kind = "succeeded" if succeeded else "failed"
            event = self.event(f"checkout.session.async_payment_{kind}", session)
        self.deliver(event)
        return event

    def decline(self, session_id: str) -> dict:
        """A card is declined on the page: the session stays open, the shopper may try again."""
        with self.lock:
            session = self._open_session(session_id)
            intent = self._intent(session, "requires_payment_method")
            intent["last_payment_error"] = {
                "code": "card_declined",
                "decline_code": "generic_decline",
                "message": "Your card was declined.",
                "type": "card_error",
            }
            event = self.event("payment_intent.payment_failed", intent)
        self.deliver(event)
        return event

    def expire(self, session_id: str) -> tuple[dict, dict]:
        """``POST /v1/checkout/sessions/{id}/expire``, or the 24 hours running out.

        Like Stripe, the event goes out after the API call has answered (in a thread): the caller
        may still hold database locks that the webhook handler needs.
        """
        with self.lock:
            session = self._open_session(session_id)
            session["status"] = "expired"
            event = self.event("checkout.session.expired", session)
        thread = threading.Thread(target=self.deliver, args=(event,), daemon=True)
        self._pending.append(thread)
        thread.start()
        return copy.deepcopy(session), event

    # --- Refunds ------------------------------------------------------------------------------
    def create_refund(self, params: dict) -> dict:
        intent_id = params.get("payment_intent")
        if not intent_id:
            raise StripeError(
                400,
                "One of the following params should be provided for this request: payment_intent or charge.",
            )
        intent = self.payment_intents.get(intent_id)
        if intent is None:
            raise StripeError(404, f"No such payment_intent: '{intent_id}'", code="resource_missing")
        if intent["status"] != "succeeded":
            raise StripeError(400, "This PaymentIntent does not have a successful charge to refund.")
        remaining = intent["amount"] - self._amount_refunded.get(intent_id, 0)
        if remaining <= 0:
            raise StripeError(
                400,
                f"Charge {intent['latest_charge']} has already been refunded.",
                code="charge_already_refunded",
            )
        amount = to_int(params["amount"], "amount") if "amount" in params else remaining
        if amount <= 0 or amount > remaining:
            raise StripeError(
                400,
                f"Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining})",
                param="amount",
            )
        check_amount(amount, intent["currency"], "amount")
        refund = {
            "id": new_id("re"),
            "object": "refund",
            "amount": amount,
            "charge": intent["latest_charge"],
            "created": int(time.time()),
            "currency": intent["currency"],
            "metadata": params.get("metadata") or {},
            "payment_intent": intent_id,
            "reason": params.get("reason"),
            "status": "succeeded",
        }
        self.refunds[refund["id"]] = refund
        self._amount_refunded[intent_id] = self._amount_refunded.get(intent_id, 0) + amount
        self._send(self.event("charge.refunded", self._charge(intent, refund)))
        return copy.deepcopy(refund)

    def _charge(self, intent, refund):
        """The charge behind a payment intent, as ``charge.refunded`` carries it (with the refund)."""
        intent_id = intent["id"]
        return {
            "id": intent["latest_charge"],
            "object": "charge",
            "amount": intent["amount"],
            "amount_refunded": self._amount_refunded.get(intent_id, 0),
            "currency": intent["currency"],
            "metadata": copy.deepcopy(intent.get("metadata") or {}),
            "payment_intent": intent_id,
            "refunded": self._amount_refunded.get(intent_id, 0) >= intent["amount"],
            "refunds": {"object": "list", "data": [copy.deepcopy(refund)], "has_more": False},
        }

    def _send(self, event):
        """Deliver ``event`` in the background when a webhook URL is set (else it is only recorded)."""
        if not self.webhook_url:
            return
        thread = threading.Thread(target=self.deliver, args=(event,), daemon=True)
        self._pending.append(thread)
        thread.start()

    # --- Events and webhooks ------------------------------------------------------------------
    def event(self, kind: str, obj: dict) -> dict:
        """A new event about ``obj`` (recorded, not sent): tests use it for out-of-order deliveries."""
        event = {
            "id": new_id("evt"),
            "object": "event",
            "api_version": self.api_version,
            "created": self._moment if self._moment is not None else int(time.time()),
            "data": {"object": copy.deepcopy(obj)},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": kind,
        }
        self.events.append(event)
        return event

    def signed(self, event: dict, *, timestamp: int | None = None, secret: str | None = None):
        """(body, ``Stripe-Signature`` header) exactly as Stripe would POST ``event``."""
        body = json.dumps(event, indent=2).encode()
        return body, signature_header(body, secret or self.webhook_secret, timestamp)

    def deliver(self, event: dict, url: str | None = None) -> int:
        """POST the signed event to the webhook URL; answers the HTTP status (0: unreachable)."""
        url = url or self.webhook_url
        if not url:
            return 0
        body, header = self.signed(event)
        request = urllib.request.Request(  # noqa: S310 - the URL is the project's own webhook endpoint
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": header,
                "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        self.deliveries.append((event["id"], status))
        return status

    def wait_for_deliveries(self, timeout: float = 30) -> None:
        """Wait until the events sent in the background have been delivered."""
        while self._pending:
            self._pending.pop().join(timeout)

    def events_of(self, kind: str) -> list[dict]:
        return [event for event in self.events if event["type"] == kind]

    # --- Hosted checkout page -----------------------------------------------------------------
    def _hosted_page(self, environ, method, path, body):
        session_id = path.rstrip("/").split("/")[-1]
        session = self.sessions.get(session_id)
        if session is None:
            return 404, page.not_found(), [("Content-Type", "text/html; charset=utf-8")]
        language = page.language(session.get("locale"), environ.get("HTTP_ACCEPT_LANGUAGE", ""))
        if method == "POST":
            action = (parse_qs(body).get("action") or [""])[0]
            if action == "cancel":
                return 303, b"", [("Location", session["cancel_url"] or self.base_url)]
            if session["status"] == "open" and action == "pay":
                self.pay(session_id)
            elif session["status"] == "open" and action == "decline":
                self.decline(session_id)
                return 303, b"", [("Location", f"{path}?declined=1")]
            if session["status"] == "complete":
                success = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
                return 303, b"", [("Location", success)]
        declined = "declined" in parse_qs(environ.get("QUERY_STRING", ""))
        content = page.render(session, self._line_items[session_id], language, declined=declined)
        return 200, content, [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]

    # --- Hosted billing portal ----------------------------------------------------------------
    def _portal_page(self, environ, method, path, body):
        portal_id = path.rstrip("/").split("/")[-1]
        portal = self.portal_sessions.get(portal_id)
        if portal is None:
            return 404, page.not_found(), [("Content-Type", "text/html; charset=utf-8")]
        if method == "POST":
            self.update_card_in_portal(portal_id, GOOD_CARD)
            return 303, b"", [("Location", f"{path}?updated=1")]
        customer = self.customers[portal["customer"]]
        language = page.language(
            (customer.get("preferred_locales") or [None])[0], environ.get("HTTP_ACCEPT_LANGUAGE", "")
        )
        updated = "updated" in parse_qs(environ.get("QUERY_STRING", ""))
        content = page.portal(portal["return_url"], language, updated=updated)
        return 200, content, [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
