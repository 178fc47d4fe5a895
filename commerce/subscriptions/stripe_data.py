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


def charged_price(invoice: dict) -> str:
    """The Stripe price an invoice charges for (its last line with a positive amount: a proration's
    new plan, a period's plan), or ""."""
    charged = [line for line in (invoice.get("lines") or {}).get("data", []) if (line.get("amount") or 0) > 0]
    details = ((charged[-1].get("pricing") or {}).get("price_details") or {}) if charged else {}
    return details.get("price") or ""


def balance_change(invoice: dict) -> Decimal:
    """How finalizing the invoice moved its customer's balance (negative: credit added)."""
    if invoice.get("ending_balance") is None:
        return Decimal("0.000")
    change = int(invoice["ending_balance"]) - int(invoice.get("starting_balance") or 0)
    return amount(change, invoice.get("currency"))


def amount(value, currency) -> Decimal:
    return from_stripe_amount(int(value or 0), currency or "tnd")
