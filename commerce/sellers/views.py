"""A shop's public page: its profile and its products, a page at a time."""

from django.conf import settings
from django.views.generic import ListView

from .selectors import shop_by_slug, shop_products


class ShopView(ListView):
    """``/<lang>/shops/<slug>/``: the same product cards as the catalogue, in a constant number of queries."""

    template_name = "sellers/shop_detail.html"
    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.SELLERS_SHOP_PRODUCTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.shop = shop_by_slug(kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return shop_products(self.shop)

    def get_context_data(self, **kwargs):
        return super().get_context_data(shop=self.shop, **kwargs)
