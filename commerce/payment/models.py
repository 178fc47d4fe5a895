"""Oscar's payment models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.payment.abstract_models import AbstractSource, AbstractTransaction

from commerce.money.fields import ZERO, money_field


class Transaction(AbstractTransaction):
    amount = money_field(_("Amount"))


class Source(AbstractSource):
    amount_allocated = money_field(_("Amount Allocated"), default=ZERO)
    amount_debited = money_field(_("Amount Debited"), default=ZERO)
    amount_refunded = money_field(_("Amount Refunded"), default=ZERO)


from oscar.apps.payment.models import *  # noqa: E402, F403 isort:skip
