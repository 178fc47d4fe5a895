"""``{% order_downloads order %}``: the files and licence keys of an order, for its page."""

from django import template

from commerce.digital import selectors
from commerce.digital.links import download_rows

register = template.Library()


@register.inclusion_tag("digital/partials/order_downloads.html")
def order_downloads(order):
    """Shown only to whoever opened the order page (its owner, or a guest with the signed link)."""
    entitlements = selectors.entitlements_of(order=order)
    keys = [key for entitlement in entitlements for key in selectors.keys_of_line(entitlement.line)]
    return {"rows": download_rows(entitlements), "keys": keys}


@register.inclusion_tag("digital/partials/product_previews.html")
def product_previews(product):
    """Links to the free previews of a product's files (none for other product classes)."""
    return {"previews": selectors.previews_of(product)}
