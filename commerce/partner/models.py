"""Oscar's partner models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractStockRecord

from commerce.money.fields import ZERO, money_field


class StockRecord(AbstractStockRecord):
    price = money_field(_("Price"), blank=True, null=True)


from oscar.apps.partner.models import *  # noqa: E402, F403 isort:skip
