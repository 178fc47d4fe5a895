"""Which basket an API call works on: the user's open basket, or the session's for guests."""

from oscar.core.loading import get_class, get_model

Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


def basket_for(request):
    """Token-authenticated callers are known only after DRF authenticates (after Oscar's basket
    middleware ran), so their basket is looked up here; guests use the middleware's cookie basket."""
    user = request.user
    if user.is_authenticated:
        basket, _ = Basket.open.get_or_create(owner=user)
    else:
        basket = request._request.basket
    basket.strategy = Selector().strategy(request=request._request, user=user)
    return basket
