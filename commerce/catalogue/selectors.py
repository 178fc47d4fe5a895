"""Catalogue reads shared by the storefront, the API, the shop pages and search's database fallback."""

from oscar.core.loading import get_model

from .cards import with_card_data

Product = get_model("catalogue", "Product")


def browsable_products(categories=None):
    """Public parent/standalone products, newest first, with what a product card shows prefetched.

    Sellers and all variants with their stock come too, for the API's product list.
    """
    queryset = (
        with_card_data(Product.objects.browsable())
        .prefetch_related("stockrecords__partner", "children__stockrecords__partner")
        .order_by("-date_created", "-pk")
    )
    if categories is not None:
        queryset = queryset.filter(categories__in=categories).distinct()
    return queryset
