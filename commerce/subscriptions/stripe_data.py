"""Reading Stripe's billing objects (plain dicts from webhooks or the API) in their 2025+ shapes:
a subscription's period is on its first item, an invoice names its subscription in ``parent``."""

from datetime import UTC, datetime
from decimal import Decimal

from commerce.payment.stripe.amounts import from_stripe_amount


def moment(epoch):
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else None


def item_of(subscription: dict) -> dict:
    return ((subscription.get("items") or {}).get("data") or [{}])[0]


def invoice_subscription(invoice: dict) -> tuple[str, dict]:
    """(subscription id, its metadata) of an invoice."""
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return details.get("subscription") or "", details.get("metadata") or {}


def amount(value, currency) -> Decimal:
    return from_stripe_amount(int(value or 0), currency or "tnd")
