"""The pop-up checkout ("Buy now" on a product page): one product ordered on its own.

The client's "pop-up checkout": from the product page, a short form (name, phone, address, city,
payment) orders that product and nothing else, in one request, without going through the basket
page or the checkout page. The shopper's own basket is left as it is: what the pop-up shows is
exactly what is ordered. The order is written by the same ``services.place_order`` as every other
checkout, on a basket of its own holding the one line, with the site's offers applied as on the
checkout page.

``preview`` prices that basket without writing it, for the pop-up's summary; ``place`` writes it
and orders it in one transaction, so a refused order (stock gone meanwhile, …) leaves nothing behind,
and tells the admin on duty on their phone after commit (``notices``).
"""

from django.db import transaction
from oscar.core.loading import get_class, get_model

from commerce.basket import services as basket_services
from commerce.basket.exceptions import BasketRefused
from commerce.catalogue import cards

from . import notices, services
from .exceptions import CheckoutError

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
Product = get_model("catalogue", "Product")
Applicator = get_class("offer.applicator", "Applicator")


def products():
    """What the pop-up sells: public standalone products, and parents whose variant is chosen in the
    pop-up, without options to fill in (personalised products go through the product page's form
    and the basket)."""
    sellable = Product.objects.public().filter(structure__in=[Product.STANDALONE, Product.PARENT])
    return (
        cards.with_options(sellable)
        .filter(has_product_class_options=False, has_product_options=False)
        .prefetch_related(cards.offers())
    )


def choices(product, strategy):
    """What the pop-up orders of ``product``, as ``[(product, purchase_info)]``: a standalone product
    itself when it has a price; for a parent, each public variant that has a price and can be bought
    now (the shopper picks one; one variant is ordered alone)."""
    if not product.is_parent:
        candidates = [product]
    else:
        candidates = (
            product.children.public()
            .select_related("parent__product_class")
            .prefetch_related(cards.offers())
            .order_by("pk")
        )
    offered = []
    for candidate in candidates:
        info = strategy.fetch_for_product(candidate)
        if info.price.exists and (not product.is_parent or info.availability.is_available_to_buy):
            offered.append((candidate, info))
    return offered


def _with_offers(basket, request):
    Applicator().apply(basket, request.user, request)
    return basket


def preview(product, quantity, *, request):
    """An unsaved basket holding ``quantity`` of ``product``, priced by the request's strategy and
    with the site's offers applied: the totals the order will have."""
    basket = Basket()
    basket.strategy = request.strategy
    info = basket.strategy.fetch_for_product(product)
    # Prices come from the strategy (``purchase_info``); the line keeps only the currency, which the
    # basket reports. The prices Oscar stores on a line are an audit of the moment it was added.
    line = Line(
        basket=basket,
        product=product,
        stockrecord=info.stockrecord,
        quantity=quantity,
        price_currency=info.price.currency,
    )
    basket.set_lines([line])
    return _with_offers(basket, request)


@transaction.atomic
def place(product, quantity, *, customer, payment_method, delivery, language, request):
    """Order ``quantity`` of ``product`` alone; raises a ``CheckoutError`` (and writes nothing) when
    the order is refused. The visitor's basket is not touched."""
    user = customer.user if customer.user and customer.user.is_authenticated else None
    basket = Basket.objects.create(owner=user)
    basket.strategy = request.strategy
    basket.set_lines([])  # new: no lines to read before adding
    try:
        line, _created = basket_services.add_product(basket, product, quantity)
    except BasketRefused as refused:
        raise CheckoutError(refused) from refused
    basket.set_lines([line])  # the one line just written, not read back
    order = services.place_order(
        basket=_with_offers(basket, request),
        customer=customer,
        payment_method=payment_method,
        delivery=delivery,
        language=language,
        request=request,
    )
    notices.popup_order_placed(order)
    return order


@transaction.atomic
def recover_basket(request, order):
    """After a cancelled card payment, the pop-up order's basket (given back open) joins the
    visitor's own basket, where the cancel page sends them; only in the browser that placed the
    order (its session names it). Signed-in shoppers' open baskets are already merged by Oscar's
    basket middleware; this covers guests."""
    if not order.basket_id or request.session.get("checkout_order_id") != order.pk:
        return
    reopened = Basket.open.filter(pk=order.basket_id).exclude(pk=request.basket.id).first()
    if reopened is None:
        return
    if request.basket.id is None:
        request.basket.save()
    request.basket.merge(reopened)
