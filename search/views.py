"""Storefront search and catalogue browsing; search says plainly when it is down instead of failing."""

import logging
from urllib.parse import unquote

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from commerce.catalogue.selectors import browsable_products
from commerce.core import pagecache

from .exceptions import SearchUnavailable
from .forms import SearchForm
from .selectors import search_products

Category = get_model("catalogue", "Category")

logger = logging.getLogger(__name__)

PER_PAGE = 24


class SearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context.update(form=form, query=query, unavailable=False, result=None)
        if not query:
            return context
        page_number = self._page_number()
        try:
            result = search_products(query, offset=(page_number - 1) * PER_PAGE, limit=PER_PAGE)
        except SearchUnavailable as exc:
            logger.warning("search unavailable: %s", exc)
            context["unavailable"] = True
            return context
        context["result"] = result
        context["page_obj"] = Paginator(range(result.total), PER_PAGE).get_page(page_number)
        return context

    def _page_number(self):
        try:
            return max(1, int(self.request.GET.get("page", 1)))
        except ValueError:
            return 1


class RememberedCountPaginator(Paginator):
    """The number of products is counted once per catalogue change, not on every page view.

    Counting scans every public product (a tenth of a 100k-product list page's time, growing with
    the catalogue); the count is kept under the page cache's ``listing`` tag, which any product or
    category membership change bumps (``commerce/catalogue/receivers.py``), and ``catalogue``.
    """

    def __init__(self, *args, count_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return pagecache.remember(
            f"catalogue:count:{self.count_key}",
            [pagecache.CATALOGUE_TAG, pagecache.LISTING_TAG],
            lambda: Paginator.count.func(self),
        )


class CatalogueView(ListView):
    """All public products, newest first, from the database (search may be down; browsing is not)."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    #: Names this list's count in the cache (see ``RememberedCountPaginator``).
    count_key = "all"

    def get_queryset(self):
        return browsable_products()

    def get_paginator(self, queryset, per_page, **kwargs):
        return RememberedCountPaginator(queryset, per_page, count_key=self.count_key, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(CatalogueView):
    """Public products of a category and its sub-categories; old slugs redirect to the current URL."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    @property
    def count_key(self):
        return f"category:{self.category.pk}"

    def get_queryset(self):
        return browsable_products(categories=self.category.get_descendants_and_self())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context
