"""Oscar's shipping models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.abstract_models import AbstractOrderAndItemCharges, AbstractWeightBand

from commerce.money.fields import ZERO, money_field


class OrderAndItemCharges(AbstractOrderAndItemCharges):
    price_per_order = money_field(_("Price per order"), default=ZERO)
    price_per_item = money_field(_("Price per item"), default=ZERO)
    free_shipping_threshold = money_field(_("Free Shipping"), blank=True, null=True)


class WeightBand(AbstractWeightBand):
    charge = money_field(_("Charge"), validators=[MinValueValidator(ZERO)])


from oscar.apps.shipping.models import *  # noqa: E402, F403 isort:skip
