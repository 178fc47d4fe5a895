"""What shoppers are told of a product's stock: "In stock" while plenty is left, "Only 3 left"
when few units are, "Unavailable" at none (Oscar says "In stock (182 available)").

Besides being what shoppers expect, it keeps the pages that say it cached: a sale changes what a
product page and its card show only when stock runs low or out (``shown``), so the stock service
tells the page cache nothing changed (``commerce.partner.stock``) and a busy product's page is not
rendered again after each sale.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.partner.availability import StockRequired


def shown(num_available):
    """What shoppers are told for ``num_available`` units: two levels telling the same thing are
    equal (the number only counts when few are left)."""
    if num_available <= 0:
        return "out"
    if num_available <= settings.CATALOGUE_FEW_LEFT:
        return num_available
    return "in"


class FewLeft(StockRequired):
    """Oscar's stock-required policy (what may be bought is unchanged), with the message above."""

    @property
    def message(self):
        level = shown(self.num_available)
        if level == "out":
            return _("Unavailable")
        if level == "in":
            return _("In stock")
        return ngettext("Only %(count)d left", "Only %(count)d left", level) % {"count": level}
