"""The basket's rules, one place for the storefront's forms and the REST API alike.

What may go in a basket: a public product (a variant of a public product), not a parent (its
variants are what is sold), with a price in the basket's currency, in a quantity its seller's stock
allows, and never more items in all than Oscar's ``OSCAR_MAX_BASKET_QUANTITY_THRESHOLD`` (the limit
keeps the offers engine from being flooded), and never a subscription product: a subscription is
started with "Subscribe" (Stripe Billing bills each period), so a basket would sell it once. Each
check raises ``BasketRefused`` with the shopper's
reason; the forms turn it into a form error, the API into a 400.
"""

from django.utils.translation import gettext as _

from .exceptions import BasketRefused

#: The product class subscribed to through Stripe Billing (``commerce.subscriptions``), never bought.
SUBSCRIPTION_CLASS = "subscription"


def is_subscription(product):
    """Whether ``product`` (or, for a variant, its parent) is of the subscription class."""
    product_class = product.get_product_class()
    return product_class is not None and product_class.slug == SUBSCRIPTION_CLASS


def check_addition(basket, product, quantity):
    """Raise ``BasketRefused`` unless ``quantity`` more of ``product`` may go in ``basket``."""
    if not product.is_public or (product.is_child and not product.parent.is_public):
        raise BasketRefused(_("This product is not for sale."))
    if product.is_parent:
        raise BasketRefused(_("Choose a variant of this product."))
    _check_not_subscription(product)
    _check_basket_size(basket, quantity)
    info = basket.strategy.fetch_for_product(product)
    if not info.price.exists:
        raise BasketRefused(
            _("This product cannot be added to the basket because a price could not be determined for it.")
        )
    if basket.currency and info.price.currency != basket.currency:
        raise BasketRefused(
            _(
                "This product cannot be added to the basket as its currency "
                "isn't the same as other products in your basket"
            )
        )
    _check_stock(info.availability, basket.product_quantity(product) + quantity)


def check_line_quantity(basket, line, quantity):
    """Raise ``BasketRefused`` unless ``basket``'s ``line`` may hold ``quantity`` (more than zero)."""
    _check_not_subscription(line.product)
    _check_basket_size(basket, quantity - line.quantity)
    same_stock = basket.basket_quantity(line) - line.quantity
    _check_stock(line.purchase_info.availability, same_stock + quantity)


def add_product(basket, product, quantity=1, options=None):
    """Add ``quantity`` of ``product`` after the checks above; returns Oscar's ``(line, created)``."""
    check_addition(basket, product, quantity)
    return basket.add_product(product, quantity, options)


def change_line_quantity(basket, line, quantity):
    """Set ``basket``'s ``line`` to ``quantity`` after the checks above; zero removes the line."""
    if quantity == 0:
        line.delete()
    else:
        check_line_quantity(basket, line, quantity)
        line.quantity = quantity
        line.save(update_fields=["quantity"])
    basket.reset_offer_applications()


def _check_not_subscription(product):
    if is_subscription(product):
        raise BasketRefused(
            _(
                "“%(product)s” is a subscription: it cannot be added to the basket. "
                "Use the “Subscribe” button on its page to subscribe."
            )
            % {"product": product.get_title()}
        )


def _check_basket_size(basket, added):
    allowed, reason = basket.is_quantity_allowed(added)
    if not allowed:
        raise BasketRefused(reason)


def _check_stock(availability, quantity):
    allowed, reason = availability.is_purchase_permitted(quantity)
    if not allowed:
        raise BasketRefused(reason)
