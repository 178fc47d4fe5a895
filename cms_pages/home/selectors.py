"""Catalogue reads for the home page."""

from search.selectors import browsable_products


def featured_products(count):
    """The newest public products, with what a product card needs prefetched."""
    return list(browsable_products()[:count])
