"""Links to pages inside rich text, resolved from the cache instead of the database.

Wagtail expands the page links of each rich text on its own: every paragraph with links costs a
query for its pages, a query per page type, then the active locale and the translation for each
link. This handler gives the same ``<a href>`` (the live translation in the active language, else
the page) from the cached ``streams.linked_pages``, which is kept until a page changes.
"""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .streams import linked_pages, localized


class CachedPageLinkHandler(PageLinkHandler):
    """Wagtail's ``page`` link type (registered in its place by ``wagtail_hooks``), cached."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [_page_id(attrs) for attrs in attrs_list]
        pages = linked_pages(Page, {pk for pk in ids if pk is not None})
        return [f'<a href="{escape(localized(pages[pk]).url)}">' if pk in pages else "<a>" for pk in ids]


def _page_id(attrs):
    try:
        return int(attrs.get("id"))
    except (TypeError, ValueError):
        return None
