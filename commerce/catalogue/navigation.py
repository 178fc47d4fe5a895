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


def category_trail(category_id):
    """``[{"name", "url"}]`` from the top-level category down to this one, cached like the header."""
    key = f"catalogue:trail:{get_language()}:{_version()}:{category_id}"
    trail = cache.get(key)
    if trail is None:
        category = Category.objects.filter(pk=category_id).first()
        ancestry = category.get_ancestors_and_self() if category else []
        trail = [{"name": item.name, "url": item.get_absolute_url()} for item in ancestry]
        cache.set(key, trail, timeout=24 * 3600)
    return trail


def product_trail(product):
    """The breadcrumb of a product: its first category's trail (a variant uses its parent's)."""
    owner = product.parent if product.is_child and product.parent_id else product
    categories = list(owner.categories.all())  # prefetched by the product page
    return category_trail(categories[0].pk) if categories else []


def sidebar_categories(depth=2):
    """``[{"pk", "name", "url", "depth"}]`` of the catalogue sidebar's category tree, cached."""
    key = f"catalogue:sidebar:{get_language()}:{_version()}:{depth}"
    tree = cache.get(key)
    if tree is None:
        from oscar.templatetags.category_tags import get_annotated_list

        tree = [
            {"pk": info.pk, "name": info.category.name, "url": info["url"], "depth": info.category.depth}
            for info in get_annotated_list(depth)
        ]
        cache.set(key, tree, timeout=24 * 3600)
    return tree
