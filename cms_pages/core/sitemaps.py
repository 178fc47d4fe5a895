"""sitemap.xml: every live public page of every locale, each with its translations as alternates.

Later sections (products, experts) can append entries of the same shape.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page, Site

from .translation_status import untranslated_pages


@dataclass
class SitemapEntry:
    location: str
    lastmod: object = None
    alternates: list = field(default_factory=list)  # [(language, url)]


def sitemap_entries(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    roots = list(site.root_page.get_translations(inclusive=True).only("path"))
    in_trees = Q()
    for root in roots:
        in_trees |= Q(path__startswith=root.path)
    pages = list(
        Page.objects.filter(in_trees)
        .live()
        .public()
        .select_related("locale")
        .order_by("path")
        .specific(defer=True)
    )
    pages = [page for page in pages if not getattr(page, "exclude_from_sitemap", False)]
    untranslated = untranslated_pages(pages)
    pages = [page for page in pages if page not in untranslated]
    by_key = defaultdict(list)
    for page in pages:
        by_key[page.translation_key].append(page)
    order = [code for code, _name in settings.LANGUAGES]
    entries = []
    for page in pages:
        url = page.get_full_url(request)
        if not url:
            continue
        siblings = sorted(
            by_key[page.translation_key],
            key=lambda other: (
                order.index(other.locale.language_code) if other.locale.language_code in order else 99
            ),
        )
        alternates = [(other.locale.language_code, other.get_full_url(request)) for other in siblings]
        if len(alternates) > 1:
            default = next((alt_url for code, alt_url in alternates if code == settings.LANGUAGE_CODE), None)
            if default:
                alternates.append(("x-default", default))
        else:
            alternates = []
        entries.append(SitemapEntry(url, page.last_published_at, alternates))
    return entries
