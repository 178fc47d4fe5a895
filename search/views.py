"""Storefront search and catalogue browsing; search says plainly when it is down instead of failing."""

import logging
from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from commerce.catalogue.selectors import browsable_products
from commerce.core import pagecache

from . import faceted, listing, selectors, services
from . import facets as facet_defs
from .exceptions import SearchRefused, SearchUnavailable
from .forms import SearchForm
from .selectors import ProductSearchResult

Category = get_model("catalogue", "Category")

logger = logging.getLogger(__name__)

PER_PAGE = 24


def faceted_page(request, kind, *, restrict=(), facets=None):
    """Selection, facets (from the search server, or ``facets_unavailable``) and page links."""
    facets = facets if facets is not None else kind.facets()
    selection = faceted.parse(kind, request.GET, facets)
    unavailable = False
    try:
        counts = faceted.run(kind, selection, limit=0, restrict=restrict, facets=facets).facets
    except SearchUnavailable as exc:
        logger.warning("search unavailable, facets hidden: %s", exc)
        counts, unavailable = [], True
    context = listing.decorate(request.path, selection, counts, kind.sorts, facets)
    context["facets_unavailable"] = unavailable
    return selection, context


def _remember(request, kind_name):
    if not request.session.session_key and not request.user.is_authenticated:
        request.session.save()
    services.remember_search(
        user=request.user, session_key=request.session.session_key or "", kind=kind_name, params=request.GET
    )


class SearchView(TemplateView):
    """The search page: products matching the words, with the catalogue's facets and sorts."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        kind = faceted.products()
        facets = kind.facets()
        selection = faceted.parse(kind, self.request.GET, facets)
        context.update(form=form, query=query, unavailable=False, result=None)
        context["recent_searches"] = selectors.recent_searches(self.request)
        if not query and not selection.values:
            return context
        page_number = self._page_number()
        try:
            result = faceted.run(
                kind, selection, offset=(page_number - 1) * PER_PAGE, limit=PER_PAGE, facets=facets
            )
        except SearchUnavailable as exc:
            logger.warning("search unavailable: %s", exc)
            context["unavailable"] = True
            return context
        _remember(self.request, kind.name)
        by_id = browsable_products().in_bulk(result.ids)
        context["result"] = ProductSearchResult(
            query=query, total=result.total, products=[by_id[pk] for pk in result.ids if pk in by_id]
        )
        context["page_obj"] = Paginator(range(result.total), PER_PAGE).get_page(page_number)
        context.update(listing.decorate(self.request.path, selection, result.facets, kind.sorts, facets))
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
    """All public products from the database, filtered and sorted by the facets in the URL (search
    may be down; browsing is not); the facets' counts come from the search server when it answers."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    #: Names this list's count in the cache (see ``RememberedCountPaginator``).
    count_key = "all"

    def get(self, request, *args, **kwargs):
        self.kind = faceted.products()
        self.facets = self.kind.facets()
        self.selection, self.facet_context = faceted_page(
            request, self.kind, restrict=self.restrict(), facets=self.facets
        )
        return super().get(request, *args, **kwargs)

    def restrict(self):
        return ()

    def base_queryset(self):
        return browsable_products()

    def get_queryset(self):
        # Every facet filters with EXISTS (no join repeats a product): no DISTINCT needed.
        queryset = faceted.filter_queryset(self.kind, self.base_queryset(), self.selection, self.facets)
        return faceted.order_queryset(self.kind, queryset, self.selection)

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.selection.values:  # a filtered count is not worth remembering
            return Paginator(queryset, per_page, **kwargs)
        return RememberedCountPaginator(queryset, per_page, count_key=self.count_key, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        context.update(self.facet_context)
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

    def restrict(self):
        return ({"term": {"category_ids": str(self.category.pk)}},)

    def base_queryset(self):
        return browsable_products().filter(facet_defs.in_categories(self.category.get_descendants_and_self()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context


@require_POST
def clear_recent(request):
    """Forget the visitor's recent searches."""
    services.clear_recent_searches(user=request.user, session_key=request.session.session_key or "")
    messages.success(request, _("Your recent searches are cleared."))
    return redirect(_safe_next(request) or "search:search")


@login_required
@require_POST
def save_search(request):
    """ "Alert me": save the search named by the posted query string."""
    params = QueryDict(request.POST.get("params", ""))
    try:
        kind, label = request.POST.get("kind", "products"), request.POST.get("label", "")
        services.save_search(request.user, kind=kind, params=params, label=label)
    except SearchRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Search saved: we will tell you when something new matches."))
    return redirect(_safe_next(request) or "search:saved")


@login_required
def saved_searches(request):
    """The account's saved searches: each one runs again from here, or is deleted."""
    return render(request, "search/saved.html", {"saved_searches": selectors.saved_searches(request.user)})


@login_required
@require_POST
def delete_saved_search(request, pk):
    if services.delete_saved_search(request.user, pk):
        messages.success(request, _("Saved search deleted."))
    return redirect("search:saved")


def _safe_next(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return None
