"""Vouchers Marketing makes from a promo page, within the limits an admin sets (``CMS_PROMO_VOUCHER_*``).

A promo voucher is Oscar's usual pair: a voucher (the code shoppers type, valid between two dates) and
a voucher offer giving a percentage off the whole catalogue, used at most ``max_uses`` times in all.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{3,31}$")


@dataclass(frozen=True)
class VoucherLimits:
    max_percent: int
    max_uses: int
    max_days: int


def voucher_limits():
    return VoucherLimits(
        max_percent=settings.CMS_PROMO_VOUCHER_MAX_PERCENT,
        max_uses=settings.CMS_PROMO_VOUCHER_MAX_USES,
        max_days=settings.CMS_PROMO_VOUCHER_MAX_DAYS,
    )


def check_promo_voucher(*, code, percent, starts_at, ends_at, max_uses):
    """{field: message} for every value outside the limits (empty when the voucher may be made)."""
    limits = voucher_limits()
    errors = {}
    if not CODE_PATTERN.match(code or ""):
        errors["code"] = _("4 to 32 capital letters, digits or dashes, e.g. SOLDES-20.")
    elif get_model("voucher", "Voucher").objects.filter(code__iexact=code).exists():
        errors["code"] = _("A voucher already has this code.")
    if not Decimal("0") < percent <= limits.max_percent:
        errors["percent"] = _("Between 1 and %(max)s %%.") % {"max": limits.max_percent}
    if not 0 < max_uses <= limits.max_uses:
        errors["max_uses"] = _("At most %(max)s uses.") % {"max": limits.max_uses}
    if ends_at <= starts_at:
        errors["ends_at"] = _("The end must come after the start.")
    elif ends_at <= timezone.now():
        errors["ends_at"] = _("This end has already passed.")
    elif (ends_at - starts_at).days >= limits.max_days:
        errors["ends_at"] = _("A promo voucher lasts at most %(days)s days.") % {"days": limits.max_days}
    return errors


def create_promo_voucher(*, code, percent, starts_at, ends_at, max_uses):
    """Make the voucher and its offer, or raise ``ValidationError`` ({field: message}) and write nothing."""
    code = (code or "").strip().upper()
    values = {"percent": percent, "starts_at": starts_at, "ends_at": ends_at, "max_uses": max_uses}
    errors = check_promo_voucher(code=code, **values)
    if errors:
        raise ValidationError(errors)
    Voucher = get_model("voucher", "Voucher")
    Range = get_model("offer", "Range")
    Condition = get_model("offer", "Condition")
    Benefit = get_model("offer", "Benefit")
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    try:
        with transaction.atomic():
            catalogue = Range.objects.filter(includes_all_products=True).order_by("pk").first()
            if catalogue is None:
                catalogue = Range.objects.create(name=_("Whole catalogue"), includes_all_products=True)
            offer = ConditionalOffer.objects.create(
                name=f"Promo {code}",
                offer_type=ConditionalOffer.VOUCHER,
                condition=Condition.objects.create(range=catalogue, type=Condition.COUNT, value=1),
                benefit=Benefit.objects.create(range=catalogue, type=Benefit.PERCENTAGE, value=percent),
                max_global_applications=max_uses,
            )
            voucher = Voucher.objects.create(
                name=f"Promo {code}",
                code=code,
                usage=Voucher.MULTI_USE,
                start_datetime=starts_at,
                end_datetime=ends_at,
            )
            voucher.offers.add(offer)
    except IntegrityError as error:  # the same code made at the same moment by someone else
        raise ValidationError({"code": _("A voucher already has this code.")}) from error
    return voucher
