"""Stripe Billing's webhook events, registered in ``payment.stripe.webhooks`` (which records each
event once and runs the handler in that transaction). Handlers only read the event and call
``services``; they return the outcome stored on the processed event."""

from commerce.payment.stripe import webhooks

from . import services


def _subscription_mode(session):
    return session.get("mode") == "subscription"


def _subscription_event(obj, event):
    return services.apply_subscription(obj, created=int(event.created))


def _payment_failed(invoice):
    return services.apply_payment_failed(invoice)


def _action_required(invoice):
    return services.apply_payment_failed(invoice, action_required=True)


def register_handlers():
    webhooks.register("checkout.session.completed", services.apply_checkout, accepts=_subscription_mode)
    for kind in ("created", "updated", "deleted"):
        webhooks.register(f"customer.subscription.{kind}", _subscription_event, with_event=True)
    webhooks.register("customer.subscription.trial_will_end", services.apply_trial_will_end)
    webhooks.register("invoice.paid", services.apply_invoice_paid)
    webhooks.register("invoice.payment_failed", _payment_failed)
    webhooks.register("invoice.payment_action_required", _action_required)
    webhooks.register("invoice.voided", services.apply_invoice_voided)
