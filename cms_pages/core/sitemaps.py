"""sitemap.xml: every live public CMS page, product, shop and listed expert, each with its languages
as alternates.

Each section is a function returning ``SitemapEntry`` rows; ``sitemap_entries`` joins them. Every
address is on the public origin (``commerce.core.sites``). The whole list is kept through the page
cache's tags, so a publish (``cms``), a page tree change (``pages``) or a product saved
(``listing``) shows in the very next sitemap, with the page's new ``lastmod``.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from wagtail.models import Page, Site

from commerce.core import pagecache
from commerce.core.sites import absolute_url, page_url

from . import caching
from .translation_status import untranslated_pages


@dataclass
class SitemapEntry:
    location: str
    lastmod: object = None
    alternates: list = field(default_factory=list)  # [(language, url)], x-default last


def sitemap_entries(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return pagecache.remember(
        f"cms:sitemap:{site.pk}",
        [
            pagecache.GLOBAL_TAG,
            caching.PAGES_TAG,
            pagecache.LISTING_TAG,
            pagecache.CATALOGUE_TAG,
            pagecache.EXPERTS_TAG,
        ],
        lambda: [*page_entries(site), *product_entries(), *shop_entries(), *expert_entries()],
    )


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _with_x_default(alternates):
    """hreflang alternates (with x-default, the default language) when there are several, else none."""
    if len(alternates) < 2:
        return []
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    return [*alternates, ("x-default", default)] if default else alternates


def page_entries(site):
    """Live public pages of every locale of ``site``'s tree, except those excluded from the sitemap."""
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
    urls = {page.pk: page_url(page) for page in pages}
    by_key = defaultdict(list)
    for page in pages:
        by_key[page.translation_key].append(page)
    order = _languages()

    def language_order(page):
        code = page.locale.language_code
        return order.index(code) if code in order else len(order)

    entries = []
    for page in pages:
        if not urls[page.pk]:
            continue
        siblings = sorted(by_key[page.translation_key], key=language_order)
        alternates = [(other.locale.language_code, urls[other.pk]) for other in siblings if urls[other.pk]]
        entries.append(SitemapEntry(urls[page.pk], page.last_published_at, _with_x_default(alternates)))
    return entries


def _in_every_language(path_of):
    """{language: public URL} of a storefront address (``path_of()`` reversed in each language)."""
    urls = {}
    for code in _languages():
        with translation.override(code):
            urls[code] = absolute_url(path_of())
    return urls


def _storefront_entries(items):
    """One entry per language for each (``path_of``, lastmod), every language its alternate."""
    entries = []
    for path_of, lastmod in items:
        urls = _in_every_language(path_of)
        alternates = _with_x_default(list(urls.items()))
        entries.extend(SitemapEntry(url, lastmod, alternates) for url in urls.values())
    return entries


def product_entries():
    """Public products (parents and standalone), in every language the storefront speaks."""
    Product = get_model("catalogue", "Product")
    products = Product.objects.browsable().only("pk", "slug", "date_updated", "structure").order_by("pk")
    return _storefront_entries((product.get_absolute_url, product.date_updated) for product in products)


def shop_entries():
    """Shops with at least one public product; their lastmod is their newest product change."""
    Partner = get_model("partner", "Partner")
    Product = get_model("catalogue", "Product")
    public = Product.objects.browsable()
    sells_public = Q(stockrecords__product__in=public) | Q(stockrecords__product__parent__in=public)
    shops = (
        Partner.objects.filter(sells_public)
        .annotate(lastmod=Max("stockrecords__product__date_updated"))
        .only("pk", "slug")
        .order_by("pk")
    )
    return _storefront_entries((partial(_shop_path, shop.slug), shop.lastmod) for shop in shops)


def expert_entries():
    """The experts directory and every listed expert's profile (lastmod: their last change)."""
    ExpertProfile = get_model("experts", "ExpertProfile")
    experts = ExpertProfile.objects.listed().only("pk", "slug", "updated_at").order_by("pk")
    newest = max((expert.updated_at for expert in experts), default=None)
    if not experts:
        return []
    return _storefront_entries(
        [
            (partial(reverse, "experts:directory"), newest),
            *((partial(_expert_path, expert.slug), expert.updated_at) for expert in experts),
        ]
    )


def _expert_path(slug):
    return reverse("experts:profile", kwargs={"slug": slug})


def _shop_path(slug):
    return reverse("sellers:shop", kwargs={"slug": slug})
