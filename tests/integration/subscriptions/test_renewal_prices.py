"""A renewal is ordered at what Stripe charged, not at the product's price today: a subscriber keeps
the price they subscribed at (Stripe bills the price the subscription holds)."""

from decimal import Decimal

from commerce.invoices import services as invoices
from commerce.subscriptions.models import SubscriptionInvoice
from tests.factories.subscriptions import live_periods, subscribe
from tests.pdf import pdf_text


def test_a_price_raised_after_subscribing_leaves_renewals_at_the_subscribed_price(
    client, stripe_fake, subscriber, plan, on_commit
):
    with on_commit():
        subscribe(client, stripe_fake, subscriber, plan)
    plan.product.stockrecords.update(price=Decimal("45.000"))
    sub = subscriber.subscriptions.get()

    with on_commit():
        live_periods(client, stripe_fake, sub)

    renewal = sub.invoices.get(billing_reason="subscription_cycle")
    charged = stripe_fake.invoices[renewal.stripe_invoice_id]["amount_paid"]
    assert charged == 39000
    order = renewal.order
    assert order.total_incl_tax == Decimal("39.000") == renewal.amount
    line = order.lines.get()
    assert (line.unit_price_incl_tax, line.line_price_incl_tax) == (Decimal("39.000"), Decimal("39.000"))
    assert order.total_excl_tax == line.line_price_excl_tax < Decimal("39.000"), "VAT broken out of it"
    assert order.sources.get().amount_debited == Decimal("39.000")
    text = pdf_text(invoices.pdf_bytes(order.invoices.get()))
    assert "39,000" in text or "39.000" in text
    assert "45,000" not in text and "45.000" not in text
    assert renewal.status == SubscriptionInvoice.PAID
