"""Oscar's basket models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.basket.abstract_models import AbstractLine

from commerce.money.fields import ZERO, money_field


class Line(AbstractLine):
    price_excl_tax = money_field(_("Price excl. Tax"), null=True)
    price_incl_tax = money_field(_("Price incl. Tax"), null=True)


from oscar.apps.basket.models import *  # noqa: E402, F403 isort:skip
