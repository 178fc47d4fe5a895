"""Stripe Billing in the fake: customers, products and recurring prices, subscriptions and their
invoices, the billing portal, and test clocks whose advance renews, retries and cancels.

Shapes follow the API version the project's library pins (2025+): a subscription's period lives on
its items (``items.data[0].current_period_end``), an invoice names its subscription in
``parent.subscription_details``. What a charge does depends on the customer's card, as with
Stripe's test payment methods: ``pm_card_visa`` pays, ``pm_card_chargeCustomerFail`` declines,
``pm_card_authenticationRequired`` needs the customer's action.

Dunning follows Stripe's "retry schedule" setting: a failed renewal leaves the invoice open and the
subscription ``past_due``; it is retried after each of ``RETRY_DAYS``, and after the last failure the
subscription is canceled. A paused subscription (``pause_collection[behavior]=void``) renews its
period but voids the period's invoice. Changing the price prorates like Stripe: credit for the
unused time on the old price, a charge for the rest of the period on the new one. An invoice whose
total is negative (a downgrade) pays nothing and credits the customer's balance, which the next
invoices draw on when they are finalized (``starting_balance``, ``ending_balance``), as Stripe does.
"""

from __future__ import annotations

import calendar
import contextlib
import copy
import threading
import time
from datetime import UTC, datetime

from .protocol import StripeError, check_amount, new_id, to_int

GOOD_CARD = "pm_card_visa"
DECLINING_CARD = "pm_card_chargeCustomerFail"
ACTION_REQUIRED_CARD = "pm_card_authenticationRequired"
CARDS = frozenset({GOOD_CARD, DECLINING_CARD, ACTION_REQUIRED_CARD})

#: Days after a failed renewal when Stripe tries the card again; canceled after the last one fails.
RETRY_DAYS = (3, 5, 7)
#: Stripe sends ``customer.subscription.trial_will_end`` three days before a trial ends.
TRIAL_WILL_END = 3 * 24 * 3600
DAY = 24 * 3600
INTERVALS = {"day", "week", "month", "year"}


def add_interval(start: int, interval: str, count: int) -> int:
    """``start`` moved by ``count`` intervals, months kept on the same day (clamped) as Stripe does."""
    if interval == "day":
        return start + count * DAY
    if interval == "week":
        return start + count * 7 * DAY
    moment = datetime.fromtimestamp(start, UTC)
    months = count * (12 if interval == "year" else 1)
    year, month = divmod(moment.month - 1 + months, 12)
    year, month = moment.year + year, month + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return int(moment.replace(year=year, month=month, day=day).timestamp())


class BillingMixin:
    """The Billing half of ``FakeStripe`` (its lock, ``event()`` and delivery)."""

    def _init_billing(self):
        self.customers: dict[str, dict] = {}
        self.products: dict[str, dict] = {}
        self.prices: dict[str, dict] = {}
        self.subscriptions: dict[str, dict] = {}
        self.invoices: dict[str, dict] = {}
        self.test_clocks: dict[str, dict] = {}
        self.portal_sessions: dict[str, dict] = {}
        #: Pending proration lines per subscription, billed on its next invoice.
        self._pending_items: dict[str, list[dict]] = {}
        self._trial_warned: set[str] = set()
        #: The simulated time events are stamped with while a test clock acts (else wall time).
        self._moment: int | None = None

    @contextlib.contextmanager
    def _at(self, moment):
        previous, self._moment = self._moment, moment
        try:
            yield
        finally:
            self._moment = previous

    # --- Routing ------------------------------------------------------------------------------
    def _billing_route(self, method, parts, params):
        match method, parts:
            case "POST", ["customers"]:
                return self.create_customer(params)
            case "GET", ["customers", customer_id]:
                return self._get(self.customers, customer_id, "customer")
            case "POST", ["customers", customer_id]:
                return self.update_customer(customer_id, params)
            case "POST", ["products"]:
                return self.create_product(params)
            case "POST", ["prices"]:
                return self.create_price(params)
            case "GET", ["prices", price_id]:
                return self._get(self.prices, price_id, "price")
            case "GET", ["subscriptions", subscription_id]:
                return self._get(self.subscriptions, subscription_id, "subscription")
            case "POST", ["subscriptions", subscription_id]:
                return self.update_subscription(subscription_id, params)
            case "DELETE", ["subscriptions", subscription_id]:
                return self.cancel_subscription(subscription_id)
            case "GET", ["invoices", invoice_id]:
                return self._get(self.invoices, invoice_id, "invoice")
            case "POST", ["invoices", "create_preview"]:
                return self.preview_invoice(params)
            case "POST", ["invoices", invoice_id, "pay"]:
                return self.pay_invoice(invoice_id)
            case "POST", ["billing_portal", "sessions"]:
                return self.create_portal_session(params)
            case "POST", ["test_helpers", "test_clocks"]:
                return self.create_test_clock(params)
            case "GET", ["test_helpers", "test_clocks", clock_id]:
                return self._get(self.test_clocks, clock_id, "test_helpers.test_clock")
            case "POST", ["test_helpers", "test_clocks", clock_id, "advance"]:
                return self.advance_test_clock(clock_id, to_int(params.get("frozen_time"), "frozen_time"))
        raise StripeError(404, f"Unrecognized request URL ({method}: /v1/{'/'.join(parts)}).")

    # --- Time ---------------------------------------------------------------------------------
    def now_for(self, customer_id: str | None) -> int:
        """The customer's time: its test clock's frozen time, else the wall clock."""
        customer = self.customers.get(customer_id or "")
        clock = self.test_clocks.get((customer or {}).get("test_clock") or "")
        return clock["frozen_time"] if clock else int(time.time())

    def create_test_clock(self, params):
        clock = {
            "id": new_id("clock"),
            "object": "test_helpers.test_clock",
            "created": int(time.time()),
            "frozen_time": to_int(params.get("frozen_time"), "frozen_time"),
            "livemode": False,
            "name": params.get("name"),
            "status": "ready",
        }
        self.test_clocks[clock["id"]] = clock
        return copy.deepcopy(clock)

    def advance_test_clock(self, clock_id: str, frozen_time: int) -> dict:
        """Move the clock to ``frozen_time`` and let every subscription on it live through that time:
        renewals, retries, trial ends and cancellations, each with Stripe's events (sent in order)."""
        with self.lock:
            clock = self.test_clocks.get(clock_id)
            if clock is None:
                raise StripeError(404, f"No such test_clock: '{clock_id}'", code="resource_missing")
            if frozen_time <= clock["frozen_time"]:
                raise StripeError(
                    400, "The test clock can only be advanced to a later time.", param="frozen_time"
                )
            events = []
            customers = [c["id"] for c in self.customers.values() if c.get("test_clock") == clock_id]
            while True:
                due = self._next_due(customers, frozen_time)
                if due is None:
                    break
                when, action, object_id = due
                clock["frozen_time"] = when
                with self._at(when):
                    events += action(object_id, when)
            clock["frozen_time"] = frozen_time
        self._send_all(events)
        return copy.deepcopy(clock)

    def _next_due(self, customers, until):
        """The earliest thing that happens to these customers' subscriptions by ``until``."""
        candidates = []
        for sub in self.subscriptions.values():
            if sub["customer"] not in customers or sub["status"] in ("canceled", "incomplete_expired"):
                continue
            end = sub["items"]["data"][0]["current_period_end"]
            if sub["status"] == "trialing" and sub["id"] not in self._trial_warned:
                warn = sub["trial_end"] - TRIAL_WILL_END
                if warn <= until:
                    candidates.append((max(warn, sub["created"]), 0, self._warn_trial_end, sub["id"]))
            if end <= until and not self._open_invoice(sub["id"]):
                candidates.append((end, 1, self._renew, sub["id"]))
        for invoice in self.invoices.values():
            retry = invoice.get("next_payment_attempt")
            if invoice["status"] == "open" and invoice["customer"] in customers and retry and retry <= until:
                candidates.append((retry, 2, self._retry, invoice["id"]))
        if not candidates:
            return None
        when, _, action, object_id = min(candidates, key=lambda c: (c[0], c[1]))
        return when, action, object_id

    def _open_invoice(self, subscription_id):
        return any(
            invoice["status"] == "open" and self._subscription_of(invoice) == subscription_id
            for invoice in self.invoices.values()
        )

    # --- Customers, products, prices ----------------------------------------------------------
    def create_customer(self, params):
        card = params.get("payment_method") or GOOD_CARD
        clock = params.get("test_clock")
        if clock and clock not in self.test_clocks:
            raise StripeError(404, f"No such test_clock: '{clock}'", code="resource_missing")
        customer = {
            "id": new_id("cus"),
            "object": "customer",
            "created": int(time.time()),
            "email": params.get("email"),
            "name": params.get("name"),
            "metadata": params.get("metadata") or {},
            "preferred_locales": params.get("preferred_locales") or [],
            "test_clock": clock,
            "balance": 0,
            "invoice_settings": {"default_payment_method": self._check_card(card)},
        }
        self.customers[customer["id"]] = customer
        return copy.deepcopy(customer)

    def update_customer(self, customer_id, params):
        customer = self._get_live(self.customers, customer_id, "customer")
        if "invoice_settings" in params:
            card = params["invoice_settings"].get("default_payment_method")
            customer["invoice_settings"]["default_payment_method"] = self._check_card(card)
        customer["metadata"].update(params.get("metadata") or {})
        return copy.deepcopy(customer)

    @staticmethod
    def _check_card(card):
        if card not in CARDS:
            raise StripeError(400, f"No such PaymentMethod: '{card}'", code="resource_missing")
        return card

    def set_card(self, customer_id: str, card: str) -> None:
        """Tests: the customer's card from now on (``DECLINING_CARD`` makes the next charge fail)."""
        with self.lock:
            self._get_live(self.customers, customer_id, "customer")["invoice_settings"][
                "default_payment_method"
            ] = self._check_card(card)

    def create_product(self, params):
        if not params.get("name"):
            raise StripeError(400, "Missing required param: name.", code="parameter_missing", param="name")
        product = {
            "id": new_id("prod"),
            "object": "product",
            "active": True,
            "created": int(time.time()),
            "name": params["name"],
            "metadata": params.get("metadata") or {},
        }
        self.products[product["id"]] = product
        return copy.deepcopy(product)

    def create_price(self, params):
        currency = str(params.get("currency", "")).lower()
        amount = to_int(params.get("unit_amount"), "unit_amount")
        check_amount(amount, currency, "unit_amount")
        if params.get("product") not in self.products:
            raise StripeError(400, f"No such product: '{params.get('product')}'", param="product")
        recurring = params.get("recurring") or {}
        if recurring.get("interval") not in INTERVALS:
            raise StripeError(400, "Invalid recurring[interval].", param="recurring[interval]")
        price = {
            "id": new_id("price"),
            "object": "price",
            "active": True,
            "currency": currency,
            "unit_amount": amount,
            "product": params["product"],
            "metadata": params.get("metadata") or {},
            "recurring": {
                "interval": recurring["interval"],
                "interval_count": to_int(recurring.get("interval_count", 1), "recurring[interval_count]"),
            },
            "type": "recurring",
        }
        self.prices[price["id"]] = price
        return copy.deepcopy(price)

    @staticmethod
    def _get_live(store, object_id, kind):
        if object_id not in store:
            raise StripeError(404, f"No such {kind}: '{object_id}'", code="resource_missing", param="id")
        return store[object_id]

    # --- Checkout in subscription mode --------------------------------------------------------
    def _subscription_session(self, params, session):
        """Fill a ``mode=subscription`` session from its recurring prices (called by create_session)."""
        items = []
        for index, item in enumerate(params.get("line_items") or []):
            price = self._get_live(self.prices, item.get("price"), "price")
            quantity = to_int(item.get("quantity", 1), f"line_items[{index}][quantity]")
            items.append(
                {
                    "description": self.products[price["product"]]["name"],
                    "quantity": quantity,
                    "unit_amount": price["unit_amount"],
                    "currency": price["currency"],
                    "price": price["id"],
                }
            )
        if len(items) != 1:
            raise StripeError(400, "The local fake of Stripe sells one recurring price per session.")
        customer = params.get("customer")
        if customer:
            self._get_live(self.customers, customer, "customer")
        data = params.get("subscription_data") or {}
        trial_days = to_int(data.get("trial_period_days", 0), "subscription_data[trial_period_days]")
        session.update(
            customer=customer,
            subscription=None,
            amount_subtotal=0 if trial_days else items[0]["unit_amount"] * items[0]["quantity"],
            amount_total=0 if trial_days else items[0]["unit_amount"] * items[0]["quantity"],
            currency=items[0]["currency"],
        )
        self._subscription_data[session["id"]] = {
            "metadata": data.get("metadata") or {},
            "trial_period_days": trial_days,
        }
        return items

    def _pay_subscription_session(self, session):
        """The shopper confirmed a ``mode=subscription`` session: customer, subscription, first invoice
        (paid, or of 0 during a trial); events in Stripe's order. Returns the events."""
        if not session.get("customer"):
            session["customer"] = self.create_customer({"email": session.get("customer_email")})["id"]
        item = self._line_items[session["id"]][0]
        data = self._subscription_data[session["id"]]
        with self._at(self.now_for(session["customer"])):
            sub, events = self._start_subscription(session["customer"], item["price"], item["quantity"], data)
            session.update(status="complete", payment_status="paid", subscription=sub["id"])
            return [self.event("checkout.session.completed", session), *events]

    # --- Subscriptions ------------------------------------------------------------------------
    def _start_subscription(self, customer_id, price_id, quantity, data):
        price = self.prices[price_id]
        now = self.now_for(customer_id)
        trial_days = data.get("trial_period_days") or 0
        trial_end = now + trial_days * DAY if trial_days else None
        recurring = price["recurring"]
        end = trial_end or add_interval(now, recurring["interval"], recurring["interval_count"])
        sub = {
            "id": new_id("sub"),
            "object": "subscription",
            "billing_cycle_anchor": end if trial_end else now,
            "cancel_at": None,
            "cancel_at_period_end": False,
            "canceled_at": None,
            "created": now,
            "currency": price["currency"],
            "customer": customer_id,
            "default_payment_method": None,
            "ended_at": None,
            "items": {
                "object": "list",
                "data": [
                    {
                        "id": new_id("si"),
                        "object": "subscription_item",
                        "current_period_start": now,
                        "current_period_end": end,
                        "price": copy.deepcopy(price),
                        "quantity": quantity,
                    }
                ],
                "has_more": False,
            },
            "latest_invoice": None,
            "livemode": False,
            "metadata": copy.deepcopy(data.get("metadata") or {}),
            "pause_collection": None,
            "start_date": now,
            "status": "trialing" if trial_end else "active",
            "test_clock": self.customers[customer_id].get("test_clock"),
            "trial_end": trial_end,
            "trial_start": now if trial_end else None,
        }
        self.subscriptions[sub["id"]] = sub
        invoice = self._invoice(sub, "subscription_create", now, end, amount_factor=0 if trial_end else 1)
        events = [self.event("customer.subscription.created", sub), *self._settle(invoice, now, first=True)]
        return sub, events

    def _item(self, sub):
        return sub["items"]["data"][0]

    def _invoice(self, sub, reason, start, end, *, amount_factor=1, extra_lines=()):
        item = self._item(sub)
        price = item["price"]
        lines = [
            self._line(
                price["unit_amount"] * item["quantity"] * amount_factor,
                price,
                start,
                end,
                proration=False,
                description=f"{item['quantity']} × {self.products[price['product']]['name']}",
            )
        ]
        lines += [*self._pending_items.pop(sub["id"], []), *extra_lines]
        total = sum(line["amount"] for line in lines)
        invoice = {
            "id": new_id("in"),
            "object": "invoice",
            "amount_due": max(total, 0),
            "amount_paid": 0,
            "amount_remaining": max(total, 0),
            "attempt_count": 0,
            "attempted": False,
            "billing_reason": reason,
            "created": start,
            "currency": sub["currency"],
            "customer": sub["customer"],
            "starting_balance": 0,
            "ending_balance": None,
            "hosted_invoice_url": f"{self.base_url}/invoice/{sub['id']}",
            "lines": {"object": "list", "data": lines, "has_more": False},
            "livemode": False,
            "next_payment_attempt": None,
            "parent": {
                "type": "subscription_details",
                "subscription_details": {
                    "subscription": sub["id"],
                    "metadata": copy.deepcopy(sub["metadata"]),
                },
            },
            "period_start": start,
            "period_end": end,
            "status": "draft",
            "status_transitions": {"paid_at": None, "voided_at": None},
            "total": total,
        }
        self.invoices[invoice["id"]] = invoice
        sub["latest_invoice"] = invoice["id"]
        return invoice

    @staticmethod
    def _line(amount, price, start, end, *, proration, description):
        return {
            "id": new_id("il"),
            "object": "line_item",
            "amount": amount,
            "currency": price["currency"],
            "description": description,
            "parent": {"subscription_item_details": {"proration": proration}},
            "period": {"start": start, "end": end},
            "pricing": {"price_details": {"price": price["id"], "product": price["product"]}},
        }

    @staticmethod
    def _subscription_of(invoice):
        return invoice["parent"]["subscription_details"]["subscription"]

    def _settle(self, invoice, now, *, first=False):
        """Finalize ``invoice`` and charge the customer's card: the events that follow."""
        sub = self.subscriptions[self._subscription_of(invoice)]
        invoice["status"] = "open"
        self._apply_balance(invoice)
        events = [self.event("invoice.created", invoice), self.event("invoice.finalized", invoice)]
        if invoice["amount_due"] == 0:
            return events + self._paid(invoice, sub, now)
        return events + self._charge_invoice(invoice, sub, now, first=first)

    def _apply_balance(self, invoice):
        """Finalizing: the customer's credit (a negative balance) pays what it can of the invoice,
        and a negative total adds to the credit; the invoice then owes only the rest."""
        customer = self.customers[invoice["customer"]]
        starting = customer["balance"]
        due = invoice["total"] + starting
        customer["balance"] = min(due, 0)
        invoice.update(
            starting_balance=starting,
            ending_balance=customer["balance"],
            amount_due=max(due, 0),
            amount_remaining=max(due, 0),
        )

    def _charge_invoice(self, invoice, sub, now, *, first=False):
        card = self.customers[sub["customer"]]["invoice_settings"]["default_payment_method"]
        invoice["attempt_count"] += 1
        invoice["attempted"] = True
        if card == GOOD_CARD:
            return self._paid(invoice, sub, now)
        attempt = invoice["attempt_count"]
        last = attempt > len(RETRY_DAYS)
        invoice["next_payment_attempt"] = None if last else now + RETRY_DAYS[attempt - 1] * DAY
        kind = "invoice.payment_action_required" if card == ACTION_REQUIRED_CARD else "invoice.payment_failed"
        events = [self.event(kind, invoice)]
        if kind == "invoice.payment_action_required":
            events.append(self.event("invoice.payment_failed", invoice))
        if last:
            invoice["status"] = "uncollectible"
            events.append(self.event("invoice.marked_uncollectible", invoice))
            return events + self._end(sub, now)
        if sub["status"] != "past_due" and not first:
            sub["status"] = "past_due"
            events.append(self.event("customer.subscription.updated", sub))
        return events

    def _paid(self, invoice, sub, now):
        invoice.update(
            status="paid",
            amount_paid=invoice["amount_due"],
            amount_remaining=0,
            next_payment_attempt=None,
        )
        invoice["status_transitions"]["paid_at"] = now
        events = [self.event("invoice.paid", invoice), self.event("invoice.payment_succeeded", invoice)]
        if sub["status"] == "past_due":
            sub["status"] = "active"
            events.append(self.event("customer.subscription.updated", sub))
        return events

    def _end(self, sub, now):
        sub.update(status="canceled", ended_at=now, canceled_at=sub["canceled_at"] or now)
        return [self.event("customer.subscription.deleted", sub)]

    def _warn_trial_end(self, sub_id, now):
        self._trial_warned.add(sub_id)
        return [self.event("customer.subscription.trial_will_end", self.subscriptions[sub_id])]

    def _renew(self, sub_id, now):
        """The period ended: cancel (at period end), or start the next one and bill it."""
        sub = self.subscriptions[sub_id]
        item = self._item(sub)
        start = item["current_period_end"]
        if sub["cancel_at_period_end"]:
            return self._end(sub, start)
        price = item["price"]
        end = add_interval(start, price["recurring"]["interval"], price["recurring"]["interval_count"])
        item.update(current_period_start=start, current_period_end=end)
        was_trial = sub["status"] == "trialing"
        if was_trial:
            sub["status"] = "active"
        pause = sub["pause_collection"]
        if pause and pause.get("resumes_at") and pause["resumes_at"] <= start:
            sub["pause_collection"] = pause = None
        events = [self.event("customer.subscription.updated", sub)]
        invoice = self._invoice(sub, "subscription_cycle", start, end)
        if pause:
            invoice["status"] = "void"
            invoice["status_transitions"]["voided_at"] = start
            return events + [self.event("invoice.created", invoice), self.event("invoice.voided", invoice)]
        return events + self._settle(invoice, start)

    def _retry(self, invoice_id, now):
        invoice = self.invoices[invoice_id]
        sub = self.subscriptions[self._subscription_of(invoice)]
        return self._charge_invoice(invoice, sub, now)

    def pay_invoice(self, invoice_id):
        """``POST /v1/invoices/{id}/pay``: try the customer's current card on an open invoice now."""
        with self.lock:
            invoice = self._get_live(self.invoices, invoice_id, "invoice")
            if invoice["status"] != "open":
                raise StripeError(400, "Invoice is already paid or void.", code="invoice_not_open")
            sub = self.subscriptions[self._subscription_of(invoice)]
            now = self.now_for(sub["customer"])
            with self._at(now):
                events = self._charge_invoice(invoice, sub, now)
        self._send_all(events)
        if invoice["status"] != "paid":
            raise StripeError(402, "Your card was declined.", type="card_error", code="card_declined")
        return copy.deepcopy(invoice)

    def update_subscription(self, sub_id, params):
        """Cancel at period end (or undo), pause collection (or resume), change the price."""
        with self.lock:
            sub = self._get_live(self.subscriptions, sub_id, "subscription")
            if sub["status"] == "canceled":
                raise StripeError(400, "A canceled subscription can only update its cancellation details.")
            now = self.now_for(sub["customer"])
            with self._at(now):
                events = self._apply_update(sub, params, now)
        self._send_all(events)
        return copy.deepcopy(sub)

    def _apply_update(self, sub, params, now):
        events = []
        if "cancel_at_period_end" in params:
            sub["cancel_at_period_end"] = params["cancel_at_period_end"] == "true"
            sub["canceled_at"] = now if sub["cancel_at_period_end"] else None
            end = self._item(sub)["current_period_end"]
            sub["cancel_at"] = end if sub["cancel_at_period_end"] else None
        if "pause_collection" in params:
            pause = params["pause_collection"]
            if pause in ("", None):
                sub["pause_collection"] = None
            else:
                if pause.get("behavior") not in ("void", "keep_as_draft", "mark_uncollectible"):
                    raise StripeError(400, "Invalid pause_collection[behavior].")
                resumes = pause.get("resumes_at")
                sub["pause_collection"] = {
                    "behavior": pause["behavior"],
                    "resumes_at": to_int(resumes, "pause_collection[resumes_at]") if resumes else None,
                }
        if params.get("items"):
            events += self._change_price(
                sub, params, to_int(params.get("proration_date") or now, "proration_date")
            )
        sub["metadata"].update(params.get("metadata") or {})
        return [self.event("customer.subscription.updated", sub), *events]

    def _change_price(self, sub, params, now):
        change = params["items"][0]
        item = self._item(sub)
        if change.get("id") != item["id"]:
            raise StripeError(400, f"No such subscription item: '{change.get('id')}'", param="items[0][id]")
        new_price = self._get_live(self.prices, change.get("price"), "price")
        lines = self._proration_lines(sub, new_price, now)
        item["price"] = copy.deepcopy(new_price)
        behavior = params.get("proration_behavior", "create_prorations")
        if behavior == "none":
            return []
        if behavior == "always_invoice":
            invoice = self._proration_invoice(sub, lines, now)
            return self._settle(invoice, now)
        self._pending_items.setdefault(sub["id"], []).extend(lines)
        return []

    def _proration_lines(self, sub, new_price, now):
        """Stripe's proration: the unused fraction of the period, credited on the old price and
        charged on the new one (each line rounded to the currency's smallest chargeable unit)."""
        item = self._item(sub)
        start, end = item["current_period_start"], item["current_period_end"]
        fraction = max(end - now, 0) / (end - start)
        old = item["price"]

        def amount(price):
            raw = price["unit_amount"] * item["quantity"] * fraction
            step = 10 if price["currency"] in ("bhd", "jod", "kwd", "omr", "tnd") else 1
            return int(round(raw / step)) * step

        return [
            self._line(-amount(old), old, now, end, proration=True, description="Unused time"),
            self._line(amount(new_price), new_price, now, end, proration=True, description="Remaining time"),
        ]

    def _proration_invoice(self, sub, lines, now):
        invoice = self._invoice(sub, "subscription_update", now, self._item(sub)["current_period_end"])
        invoice["lines"]["data"] = [*lines, *invoice["lines"]["data"][1:]]
        total = sum(line["amount"] for line in invoice["lines"]["data"])
        invoice.update(total=total, amount_due=max(total, 0), amount_remaining=max(total, 0))
        return invoice

    def preview_invoice(self, params):
        """``POST /v1/invoices/create_preview``: what changing the price now would bill (nothing saved)."""
        with self.lock:
            sub = self._get_live(self.subscriptions, params.get("subscription"), "subscription")
            details = params.get("subscription_details") or {}
            change = (details.get("items") or [{}])[0]
            new_price = self._get_live(self.prices, change.get("price"), "price")
            now = to_int(details.get("proration_date") or self.now_for(sub["customer"]), "proration_date")
            lines = self._proration_lines(sub, new_price, now)
            total = sum(line["amount"] for line in lines)
            return {
                "id": None,
                "object": "invoice",
                "amount_due": max(total, 0),
                "currency": sub["currency"],
                "customer": sub["customer"],
                "lines": {"object": "list", "data": lines, "has_more": False},
                "parent": {"subscription_details": {"subscription": sub["id"]}},
                "subscription_proration_date": now,
                "total": total,
            }

    def cancel_subscription(self, sub_id):
        """``DELETE /v1/subscriptions/{id}``: canceled now."""
        with self.lock:
            sub = self._get_live(self.subscriptions, sub_id, "subscription")
            if sub["status"] == "canceled":
                return copy.deepcopy(sub)
            now = self.now_for(sub["customer"])
            with self._at(now):
                events = self._end(sub, now)
        self._send_all(events)
        return copy.deepcopy(sub)

    # --- Billing portal -----------------------------------------------------------------------
    def create_portal_session(self, params):
        customer = self._get_live(self.customers, params.get("customer"), "customer")
        portal = {
            "id": new_id("bps"),
            "object": "billing_portal.session",
            "created": int(time.time()),
            "customer": customer["id"],
            "livemode": False,
            "return_url": params.get("return_url"),
            "url": "",
        }
        portal["url"] = f"{self.base_url}/portal/{portal['id']}"
        self.portal_sessions[portal["id"]] = portal
        return copy.deepcopy(portal)

    def update_card_in_portal(self, portal_id: str, card: str = GOOD_CARD) -> list[dict]:
        """The customer saves a new card in the portal: Stripe then pays their open invoices with it."""
        with self.lock:
            portal = self._get_live(self.portal_sessions, portal_id, "billing_portal.session")
            customer_id = portal["customer"]
            self.customers[customer_id]["invoice_settings"]["default_payment_method"] = self._check_card(card)
            now = self.now_for(customer_id)
            with self._at(now):
                events = [self.event("customer.updated", self.customers[customer_id])]
                for invoice in list(self.invoices.values()):
                    if invoice["customer"] == customer_id and invoice["status"] == "open":
                        sub = self.subscriptions[self._subscription_of(invoice)]
                        events += self._charge_invoice(invoice, sub, now)
        self._send_all(events)
        return events

    # --- Delivery -----------------------------------------------------------------------------
    def _send_all(self, events):
        """Deliver ``events`` one after the other in the background when a webhook URL is set."""
        if not self.webhook_url or not events:
            return

        def run():
            for event in events:
                self.deliver(event)

        thread = threading.Thread(target=run, daemon=True)
        self._pending.append(thread)
        thread.start()
