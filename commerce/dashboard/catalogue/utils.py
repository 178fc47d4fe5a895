"""Which products a seller may see and change in the catalogue dashboard.

A product belongs to the shop named on it (``Product.partner``; a variant to its parent's shop).
Products written before shops were named on them (or by code that does not name one) fall back to
Oscar's rule, narrowed to one shop: stocked by the seller's shops (directly, or through a variant)
and by no other shop, so a seller can never edit or delete a product another shop sells.
"""

from django.db.models import Q
from oscar.core.loading import get_model

from commerce.partner.selectors import partner_ids_for

StockRecord = get_model("partner", "StockRecord")


def partner_product_visibility_q(user):
    own = partner_ids_for(user)
    foreign = StockRecord.objects.exclude(partner_id__in=own)
    stocked_by_own_shops_only = (
        (Q(stockrecords__partner_id__in=own) | Q(children__stockrecords__partner_id__in=own))
        & ~Q(pk__in=foreign.values("product_id"))
        & ~Q(pk__in=foreign.filter(product__parent__isnull=False).values("product__parent_id"))
    )
    return Q(partner_id__in=own) | (Q(partner__isnull=True) & stocked_by_own_shops_only)
