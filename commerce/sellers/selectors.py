"""Reads for the public shop pages."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from oscar.core.loading import get_model

from commerce.catalogue.selectors import browsable_products

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


def shop_by_slug(slug):
    """The shop of this slug, or 404."""
    return get_object_or_404(Partner, slug=slug)


def shop_products(partner):
    """The shop's public products (standalone, or parents with a variant it stocks), newest first.

    Filtered through a subquery so the list keeps the catalogue's prefetching and needs no DISTINCT.
    """
    stocked = Product.objects.filter(
        Q(stockrecords__partner=partner) | Q(children__stockrecords__partner=partner)
    ).values("pk")
    return browsable_products().filter(pk__in=stocked)
