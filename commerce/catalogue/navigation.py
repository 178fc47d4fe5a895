"""The category links every page shows (header, breadcrumbs, sidebar), cached per language.

Reading the category tree costs queries on each page; the links are the same for everyone, so they
are kept under the page cache's ``catalogue`` tag, which any category change bumps
(``receivers.py``).
"""

from django.utils.translation import get_language
from oscar.core.loading import get_model

from commerce.core import pagecache

Category = get_model("catalogue", "Category")

#: How many top-level categories the header shows.
HEADER_CATEGORIES = 5


def _remember(name, compute):
    return pagecache.remember(f"catalogue:{name}:{get_language()}", [pagecache.CATALOGUE_TAG], compute)


def _links(categories):
    return [{"name": category.name, "url": category.get_absolute_url()} for category in categories]


def header_categories():
    """``[{"name", "url"}]`` of the first public top-level categories, in the active language."""
    return _remember(
        "navigation",
        lambda: _links(Category.objects.filter(depth=1, is_public=True).order_by("path")[:HEADER_CATEGORIES]),
    )


def category_trail(category_id):
    """``[{"name", "url"}]`` from the top-level category down to this one, cached like the header."""

    def compute():
        category = Category.objects.filter(pk=category_id).first()
        return _links(category.get_ancestors_and_self() if category else [])

    return _remember(f"trail:{category_id}", compute)


def product_trail(product):
    """The breadcrumb of a product: its first category's trail (a variant uses its parent's)."""
    owner = product.parent if product.is_child and product.parent_id else product
    categories = list(owner.categories.all())  # prefetched by the product page
    return category_trail(categories[0].pk) if categories else []


def sidebar_categories(depth=2):
    """``[{"pk", "name", "url", "depth"}]`` of the catalogue sidebar's category tree, cached."""

    def compute():
        # Oscar's template tag module loads its category models: imported when first computed.
        from oscar.templatetags.category_tags import get_annotated_list

        return [
            {"pk": info.pk, "name": info.category.name, "url": info["url"], "depth": info.category.depth}
            for info in get_annotated_list(depth)
        ]

    return _remember(f"sidebar:{depth}", compute)
