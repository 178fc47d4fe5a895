"""The experts directory as a faceted listing (registered in ``commerce.experts.directory``).

Without words, experts are listed from the database with the facets' filters in SQL (the
directory works with the search server down) and the counts come from the search server; with
words, the search server ranks them. Either way the URL holds the whole selection.
"""

import logging

from django.conf import settings
from django.core.paginator import Paginator

from commerce.experts import selectors as expert_selectors
from commerce.experts.models import ExpertProfile

from . import faceted, listing
from .exceptions import SearchUnavailable

logger = logging.getLogger(__name__)


def expert_directory(request):
    kind = faceted.experts()
    facets = kind.facets()
    selection = faceted.parse(kind, request.GET, facets)
    per_page = settings.EXPERTS_PER_PAGE
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        number = 1
    unavailable = False
    try:
        result = faceted.run(
            kind,
            selection,
            offset=(number - 1) * per_page,
            limit=per_page if selection.query else 0,
            facets=facets,
        )
        counts = result.facets
    except SearchUnavailable as exc:
        logger.warning("search unavailable, directory from the database: %s", exc)
        result, counts, unavailable = None, [], True
    if selection.query and result is not None:
        page = Paginator(range(result.total), per_page).get_page(number)
        found = ExpertProfile.objects.listed().in_bulk(result.ids)
        experts = expert_selectors.with_domains([found[pk] for pk in result.ids if pk in found])
    else:
        queryset = faceted.filter_queryset(kind, ExpertProfile.objects.listed(), selection, facets)
        queryset = faceted.order_queryset(kind, queryset.distinct(), selection)
        page = Paginator(expert_selectors.with_domains(queryset), per_page).get_page(number)
        experts = page.object_list
    filters = request.GET.copy()
    filters.pop("page", None)
    context = listing.decorate(request.path, selection, counts, kind.sorts, facets)
    context.update(
        faceted=True,
        experts=experts,
        page=page,
        query=selection.query,
        filters=f"{filters.urlencode()}&" if filters else "",
        facets_unavailable=unavailable,
        search_unavailable=unavailable and bool(selection.query),
    )
    return context
