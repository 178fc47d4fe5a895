"""Which products a seller may see and change in the catalogue dashboard.

Oscar lets a partner user reach any product one of its stock records belongs to. On this marketplace
a product belongs to one shop: a seller reaches products stocked by its shops (directly, or through
a variant) and by no other shop, so it can never edit or delete a product another shop sells.
"""

from django.db.models import Q
from oscar.core.loading import get_model

from commerce.partner.selectors import partner_ids_for

StockRecord = get_model("partner", "StockRecord")


def partner_product_visibility_q(user):
    own = partner_ids_for(user)
    foreign = StockRecord.objects.exclude(partner_id__in=own)
    return (
        (Q(stockrecords__partner_id__in=own) | Q(children__stockrecords__partner_id__in=own))
        & ~Q(pk__in=foreign.values("product_id"))
        & ~Q(pk__in=foreign.filter(product__parent__isnull=False).values("product__parent_id"))
    )
