"""Who lists the directory: the search app registers its faceted listing here when it is ready
(experts never imports search); without it, the database filters of ``DirectoryFilterForm`` apply.

A listing is ``listing(request) -> dict``: the template context with ``experts`` (the page's
profiles), ``page`` and ``faceted`` (true), plus whatever its facets show.
"""

_listings = []


def register(listing):
    _listings[:] = [listing]


def faceted_listing(request):
    """The registered listing's context for this request, or ``None`` when none is registered."""
    return _listings[0](request) if _listings else None
