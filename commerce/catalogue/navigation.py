"""The categories every page header lists, cached per language and rebuilt when a category changes.

Reading the category tree costs two queries on each page; the header shows the same few links to
everyone, so they are cached under a version number that any category save or delete bumps.
"""

from django.core.cache import cache
from django.utils.translation import get_language
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")

VERSION_KEY = "catalogue:navigation:version"
#: How many top-level categories the header shows.
HEADER_CATEGORIES = 5


def _version():
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def header_categories():
    """``[{"name", "url"}]`` of the first public top-level categories, in the active language."""
    key = f"catalogue:navigation:{get_language()}:{_version()}"
    links = cache.get(key)
    if links is None:
        categories = Category.objects.filter(depth=1, is_public=True).order_by("path")[:HEADER_CATEGORIES]
        links = [{"name": category.name, "url": category.get_absolute_url()} for category in categories]
        cache.set(key, links, timeout=24 * 3600)
    return links


def invalidate(**kwargs):
    """Receiver of Category saves and deletes: the next page rebuilds the links."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
