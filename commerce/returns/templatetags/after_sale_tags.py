"""What an order page shows after the sale: payment status, refunds, credit notes, cancellation
and returns (``{% after_sale order verification_hash as after_sale %}``)."""

from django import template
from django.utils import timezone

from commerce.invoices.selectors import credit_note_links
from commerce.order.cancellation import customer_cancellation_refusal
from commerce.payment.selectors import customer_refunds, payment_status, payment_status_label
from commerce.returns.selectors import allows_voucher, order_returns, return_deadline, returnable_units

register = template.Library()


@register.simple_tag
def after_sale(order, verification_hash=None):
    status = payment_status(order)
    returnable = returnable_units(order) if not verification_hash else {}
    lines = {line.pk: line for line in order.lines.select_related("partner")}
    return_rows = [
        {"line": lines[pk], "left": left, "deadline": return_deadline(lines[pk])}
        for pk, left in returnable.items()
    ]
    return {
        "payment_status": status,
        "payment_status_label": payment_status_label(status),
        "refunds": customer_refunds(order),
        "credit_notes": credit_note_links(order, verification_hash or None),
        "cancel_refusal": customer_cancellation_refusal(order),
        "can_cancel": not verification_hash and customer_cancellation_refusal(order) is None,
        "returnable": return_rows,
        "voucher_allowed": bool(return_rows)
        and all(allows_voucher(row["line"].partner) for row in return_rows),
        "card_refund_possible": order.payment_method == order.CARD,
        "returns": order_returns(order),
        "now": timezone.now(),
    }
