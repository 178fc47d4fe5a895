from django.utils.translation import gettext as _


class InsufficientStock(Exception):
    """Fewer units are available than asked for; ``str()`` is a message a shopper understands."""

    def __init__(self, stockrecord, requested):
        self.stockrecord = stockrecord
        self.requested = requested
        self.available = max(stockrecord.net_stock_level, 0)
        super().__init__(
            _("Only %(available)d left of “%(title)s”; you asked for %(requested)d.")
            % {"available": self.available, "title": stockrecord.product.get_title(), "requested": requested}
        )


class StockBelowAllocation(Exception):
    """A seller tried to set the stock below the units already held for orders."""

    def __init__(self, stockrecord, held):
        self.stockrecord = stockrecord
        self.held = held
        super().__init__(
            _("%(held)d units of “%(title)s” are held for orders; stock cannot go below that.")
            % {"held": held, "title": stockrecord.product.get_title()}
        )
