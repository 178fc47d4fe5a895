"""Oscar's analytics models with amounts stored to the millime (see commerce/money/fields.py)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.analytics.abstract_models import AbstractUserRecord

from commerce.money.fields import ZERO, money_field


class UserRecord(AbstractUserRecord):
    total_spent = money_field(_("Total Spent"), default=ZERO)


from oscar.apps.analytics.models import *  # noqa: E402, F403 isort:skip
