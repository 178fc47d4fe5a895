"""Oscar's basket models with amounts stored to the millime (see commerce/money/fields.py).

The basket's lines are loaded once per request together with what pricing, shipping and checkout
read from each of them (its product's class and stock records, its seller), and counting them
reuses that load, so the number of queries does not grow with the number of lines.
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from commerce.money.fields import ZERO, money_field


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's cached lines, with each product's class (shipping, stock tracking) and each
        line's stock record and seller (the strategy prices the line from it; the seller is shown
        at checkout and written on the order line) in the same query. Pictures are not loaded:
        only the basket page shows them (``BasketView`` loads them there).

        Variants' parents are not joined: that doubles the widest row for a rare case, and costs
        more than it saves on the usual basket of standalone products (measured).
        """
        if self.id is None or self._lines is not None:
            return super().all_lines()
        self._lines = (
            self.lines.select_related("product__product_class", "stockrecord__partner")
            .prefetch_related("attributes")
            .order_by(self._meta.pk.name)
        )
        return self._lines

    @property
    def num_lines(self):
        """Counted from the cached lines: every caller reads the lines next, so no ``COUNT`` first."""
        return len(self.all_lines())


class Line(AbstractLine):
    price_excl_tax = money_field(_("Price excl. Tax"), null=True)
    price_incl_tax = money_field(_("Price incl. Tax"), null=True)


from oscar.apps.basket.models import *  # noqa: E402, F403 isort:skip
