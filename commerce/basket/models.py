"""Oscar's basket models with amounts stored to the millime (see commerce/money/fields.py).

The basket's lines are loaded once per request together with what pricing, shipping and checkout
read from each of them (its product's class and stock records, its seller), and counting them
reuses that load, so the number of queries does not grow with the number of lines.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from commerce.money.fields import ZERO, money_field, to_millimes

from .services import is_subscription


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's cached lines, with each product's class (shipping, stock tracking) and each
        line's stock record and seller (the strategy prices the line from it; the seller is shown
        at checkout and written on the order line) in the same query. Pictures are not loaded:
        only the basket page shows them (``BasketView`` loads them there).

        Variants' parents are not joined: that doubles the widest row for a rare case, and costs
        more than it saves on the usual basket of standalone products (measured).
        """
        if self._lines is not None:
            return self._lines
        if self.id is None:  # no saved lines; a QuerySet still (Oscar's basket formset orders it)
            return self.lines.model.objects.none()
        lines = self.lines.select_related("product__product_class", "stockrecord__partner").order_by(
            self._meta.pk.name
        )
        _load_options(list(lines))  # evaluated: a QuerySet still (Oscar's basket formset wants one)
        self._lines = lines
        return self._lines

    def add_product(self, product, quantity=1, options=None):
        """Oscar's; a basket saved here for its first line (a new visitor's) has no lines to read."""
        if self.id is None:
            self.save()
            self._lines = []
        return super().add_product(product, quantity, options)

    add_product.alters_data = True
    add = add_product

    def merge_line(self, line, add_quantities=True):
        """Oscar's (a guest's basket merged at sign-in, a saved line moved back), except that a
        subscription line is dropped: subscriptions are started with "Subscribe", never ordered
        from a basket (``services.check_addition`` refuses them; older baskets may hold one)."""
        if line.product_id and is_subscription(line.product):
            line.delete()
            self._lines = None
            return
        super().merge_line(line, add_quantities)

    def set_lines(self, lines):
        """Lines held in memory only: an unsaved basket priced for a preview (the pop-up checkout)."""
        self._lines = list(lines)

    @property
    def is_empty(self):
        """Oscar's counts an unsaved basket as empty; a preview's lines are in memory."""
        return self.num_lines == 0

    def _get_total(self, model_property):
        """Oscar's sum of a line property, rounded to the millime: Oscar rounds basket totals to
        two decimals, which turned a 12.345 TND basket into 12.35 on the order."""
        total = ZERO
        for line in self.all_lines():
            try:
                total += getattr(line, model_property)
            except ObjectDoesNotExist:
                pass  # the product was deleted
            except TypeError:
                # a product with no known price: only an error when it is still for sale
                info = self.get_stock_info(line.product, line.attributes.all())
                if info.availability.is_available_to_buy:
                    raise
        return to_millimes(total)

    @property
    def num_lines(self):
        """Counted from the cached lines: every caller reads the lines next, so no ``COUNT`` first."""
        return len(self.all_lines())


def _load_options(lines):
    """The options chosen for ``lines`` (engraving, gift note …), read only for the lines that
    have some: Oscar's line reference is ``<product>_<stock record>`` exactly when a line was
    added without options, so the usual basket needs no query for them."""
    with_options = []
    for line in lines:
        if line.line_reference == f"{line.product_id}_{line.stockrecord_id}":
            line._prefetched_objects_cache = {"attributes": LineAttribute.objects.none()}
        else:
            with_options.append(line)
    prefetch_related_objects(with_options, "attributes")


class Line(AbstractLine):
    price_excl_tax = money_field(_("Price excl. Tax"), null=True)
    price_incl_tax = money_field(_("Price incl. Tax"), null=True)

    @property
    def line_price_excl_tax_incl_discounts(self):
        """Oscar's, to the millime: for a line discounted tax-inclusive (what offers do with our
        tax-inclusive prices), Oscar rounds the tax-exclusive price to two decimals."""
        incl_tax_discounts = self.discounts.incl_tax
        if self.line_price_excl_tax is not None and not self.discounts.excl_tax and incl_tax_discounts:
            ratio = self._tax_ratio
            if ratio:
                return max(ZERO, to_millimes(self.line_price_excl_tax - ratio * incl_tax_discounts))
        return super().line_price_excl_tax_incl_discounts

    @property
    def line_price_incl_tax_incl_discounts(self):
        """Oscar's, to the millime (the same two-decimal rounding for tax-exclusive discounts; a line
        never has both kinds, Oscar's ``discount`` refuses it)."""
        if self.line_price_excl_tax is not None and self.discounts.excl_tax and self._tax_ratio:
            return to_millimes(self.line_price_excl_tax_incl_discounts / self._tax_ratio)
        return super().line_price_incl_tax_incl_discounts


from oscar.apps.basket.models import *  # noqa: E402, F403 isort:skip
from oscar.apps.basket.models import LineAttribute  # noqa: E402 isort:skip
