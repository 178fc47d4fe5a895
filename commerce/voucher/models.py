"""Oscar's voucher models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.voucher.abstract_models import AbstractVoucher

from commerce.money.fields import ZERO, money_field


class Voucher(AbstractVoucher):
    total_discount = money_field(_("Total discount"), default=ZERO)


from oscar.apps.voucher.models import *  # noqa: E402, F403 isort:skip
