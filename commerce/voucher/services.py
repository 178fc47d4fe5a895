"""Vouchers the platform gives: a refund as a voucher (a customer's choice for an approved return).

A refund voucher is one of Oscar's vouchers: single use, for the customer who gets it, worth a
fixed amount off any product (Oscar's absolute discount, never more than the basket), valid for
``VOUCHER_REFUND_VALIDITY_DAYS``.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

Voucher = get_model("voucher", "Voucher")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")
Range = get_model("offer", "Range")

#: The range refund vouchers apply to (created once).
REFUND_RANGE_SLUG = "refund-vouchers"


def _all_products():
    return Range.objects.get_or_create(
        slug=REFUND_RANGE_SLUG,
        defaults={"name": "Refund vouchers: every product", "includes_all_products": True},
    )[0]


def issue_refund_voucher(order, amount):
    """A single-use voucher worth ``amount`` (TND, to the millime) for the customer of ``order``."""
    code = f"AV-{secrets.token_hex(5).upper()}"
    products = _all_products()
    offer = ConditionalOffer.objects.create(
        name=f"Refund {order.number} {code}",
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=products, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=products, type=Benefit.FIXED, value=amount),
        exclusive=True,
    )
    now = timezone.now()
    voucher = Voucher.objects.create(
        name=_("Refund of order %(number)s (%(code)s)") % {"number": order.number, "code": code},
        code=code,
        usage=Voucher.SINGLE_USE,
        start_datetime=now,
        end_datetime=now + timedelta(days=settings.VOUCHER_REFUND_VALIDITY_DAYS),
    )
    voucher.offers.add(offer)
    return voucher
