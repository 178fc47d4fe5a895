"""Oscar's offer models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _
from oscar.apps.offer.abstract_models import AbstractBenefit, AbstractCondition, AbstractConditionalOffer

from commerce.money.fields import ZERO, money_field


class ConditionalOffer(AbstractConditionalOffer):
    max_discount = money_field(
        _("Max discount"),
        null=True,
        blank=True,
        help_text=_(
            "When an offer has given more discount to orders than this threshold, then the offer becomes unavailable"  # noqa: E501
        ),
    )
    total_discount = money_field(_("Total Discount"), default=ZERO)


class Benefit(AbstractBenefit):
    value = money_field(_("Value"), null=True, blank=True, validators=[MinValueValidator(ZERO)])


class Condition(AbstractCondition):
    value = money_field(_("Value"), null=True, blank=True, validators=[MinValueValidator(ZERO)])


from oscar.apps.offer.models import *  # noqa: E402, F403 isort:skip
