"""How a price is read from a seller's stock record: Tunisian prices include VAT.

Sellers enter the price a shopper pays (TTC). The VAT included in it depends on the product's VAT
class (19 % by default) and is broken out to the millime: excl. tax = round(TTC / (1 + rate)),
tax = TTC − excl. tax, so the incl.-tax price shown and charged is exactly what the seller typed.
"""

from decimal import Decimal

from django.conf import settings
from oscar.apps.partner.prices import FixedPrice, TaxInclusiveFixedPrice, Unavailable
from oscar.apps.partner.strategy import Selector as OscarSelector
from oscar.apps.partner.strategy import StockRequired, Structured, UseFirstStockRecord

from commerce.money.fields import to_millimes

from .availability import FewLeft


def tax_code(product):
    """The tax code of this product's price: its VAT class (variants follow their parent)."""
    return product.get_tax_class()


def rate_for_tax_code(code):
    """The VAT rate (0.19 for 19 %) of a tax code; None for a code this platform does not know."""
    rate = settings.PRICING_VAT_RATES.get(code)
    return None if rate is None else Decimal(rate)


def vat_rate(product):
    """The VAT rate included in this product's price (variants follow their parent)."""
    return rate_for_tax_code(tax_code(product))


def split_inclusive_price(price_incl_tax, rate):
    """``(excl_tax, tax)`` of a tax-inclusive price, each exact to the millime, summing to it."""
    excl_tax = to_millimes(Decimal(price_incl_tax) / (1 + rate))
    return excl_tax, Decimal(price_incl_tax) - excl_tax


class VATIncludedPrices:
    """Pricing policy mixin for ``Structured``: stock record prices are tax-inclusive."""

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return Unavailable()
        excl_tax, tax = split_inclusive_price(stockrecord.price, vat_rate(product))
        return TaxInclusiveFixedPrice(
            currency=stockrecord.price_currency, excl_tax=excl_tax, tax=tax, tax_code=tax_code(product)
        )

    def parent_pricing_policy(self, product, children_stock):
        """A parent shows its cheapest variant's price ("from …")."""
        cheapest = cheapest_record(children_stock)
        if cheapest is None:
            return Unavailable()
        excl_tax, tax = split_inclusive_price(cheapest.price, vat_rate(product))
        return FixedPrice(
            currency=cheapest.price_currency, excl_tax=excl_tax, tax=tax, tax_code=tax_code(product)
        )


def cheapest_record(children_stock):
    """The variant stock record a parent's "from" price is read from (None when none is priced)."""
    records = [record for _child, record in children_stock if record is not None and record.price is not None]
    return min(records, key=lambda record: record.price, default=None)


class TunisianMarketplace(UseFirstStockRecord, StockRequired, VATIncludedPrices, Structured):
    """First seller's stock record, stock required for tracked products, VAT included in prices."""

    def offering_record(self, product, purchase_info):
        """The stock record behind the price shown for ``product`` (whose shop pages and cards name):
        its own, or a parent's cheapest variant's. Oscar gives a parent's purchase info no stock
        record, and must not: a parent is never put in a basket."""
        if purchase_info.stockrecord is not None or not product.is_parent:
            return purchase_info.stockrecord
        return cheapest_record(self.select_children_stockrecords(product))

    def availability_policy(self, product, stockrecord):
        """Oscar's policy; a tracked product's says how many are left only when few are."""
        if stockrecord is not None and product.get_product_class().track_stock:
            return FewLeft(stockrecord.net_stock_level)
        return super().availability_policy(product, stockrecord)

    def fetch_for_line(self, line, stockrecord=None):
        """A basket line is priced and checked against the seller it was added from (its own
        stock record), not whichever seller comes first now (Oscar's default re-selects)."""
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)


class Selector(OscarSelector):
    def strategy(self, request=None, user=None, **kwargs):
        return TunisianMarketplace(request)
