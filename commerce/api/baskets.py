"""Which basket an API call works on: the user's open basket, or the session's for guests."""

from django.shortcuts import get_object_or_404
from oscar.core.loading import get_class, get_model
from rest_framework.exceptions import NotFound

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


def line_of(basket, pk):
    """The basket's line ``pk``, or a 404. A guest who never added anything has an unsaved basket,
    without lines (Django refuses to query the relations of an unsaved instance)."""
    if basket.pk is None:
        raise NotFound
    return get_object_or_404(basket.lines, pk=pk)
