"""SEO for every CMS page: title, meta description, Open Graph image, canonical, hreflang, JSON-LD.

``SeoMixin`` adds the Open Graph image to Wagtail's own ``seo_title`` and ``search_description`` and
gives templates one ``seo`` object (``page.get_seo(request)``) with everything the ``<head>`` needs.
The JSON-LD graph always has the Organization (from the site settings) and, below the home page,
a BreadcrumbList; pages add their own nodes with ``get_json_ld_nodes`` (FAQPage on help articles).
The hreflang alternates and the site's language switcher read the same list of the page's
translations (``get_translation_links``), kept in the cache until the page tree changes. Every
absolute address is on the one public origin (``commerce.core.sites``), whichever host was asked.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from commerce.core import pagecache
from commerce.core.sites import absolute_url, page_url

from . import caching


@dataclass
class Alternate:
    language: str
    url: str


@dataclass(frozen=True)
class TranslationLink:
    """The page in one language it is live in: ``url`` for links on the site, ``full_url`` for hreflang."""

    language: str
    url: str
    full_url: str
    public: bool  # no view restriction on it or its ancestors: search engines may be sent there


@dataclass
class Seo:
    title: str
    description: str
    canonical: str
    image_url: str = ""
    og_type: str = "website"
    locale: str = ""
    alternates: list = field(default_factory=list)
    x_default: str = ""
    json_ld: str = ""


class SeoMixin(models.Model):
    """Per-page search and sharing fields, edited on the Promote tab."""

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200×630 works best)."),
    )

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("og_image"),
            ],
            _("For search engines and sharing"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "show_in_menus",
                    help_text=_(
                        "Adds this page to the header menu of its language, after the navigation "
                        "menu's links (pages directly below the home page)."
                    ),
                )
            ],
            _("For site menus"),
        ),
    ]

    class Meta:
        abstract = True

    # --- overridable pieces ---
    def get_meta_description(self):
        return self.search_description or ""

    def get_og_image(self):
        return self.og_image

    def get_json_ld_nodes(self, request):
        """Extra schema.org nodes for this page type (dicts); none by default."""
        return []

    # --- assembled for templates ---
    def get_translation_links(self, request):
        """This page in every language it is live in, itself included.

        The ``<head>`` and the language switcher both need it on every request: it is computed once per
        page, and kept until a page, a view restriction or a site changes (``pages`` tag).
        """
        links = self.__dict__.get("_translation_links")
        if links is None:
            if self.pk is None or getattr(request, "is_preview", False):
                links = self._find_translation_links(request)
            else:
                links = pagecache.remember(
                    f"cms:translations:{self.pk}",
                    [caching.PAGES_TAG],
                    lambda: self._find_translation_links(request),
                )
            self._translation_links = links
        return links

    def _find_translation_links(self, request):
        translations = list(
            Page.objects.filter(translation_key=self.translation_key).live().select_related("locale")
        )
        public = set(
            Page.objects.filter(pk__in=[page.pk for page in translations])
            .public()
            .values_list("pk", flat=True)
        )
        return [
            TranslationLink(
                language=page.locale.language_code,
                url=page.get_url() or "",
                full_url=page_url(page, request),
                public=page.pk in public,
            )
            for page in translations
        ]

    def get_seo(self, request, site_settings=None):
        site = self.get_site()
        canonical = page_url(self, request)
        image = self.get_og_image()
        image_url = ""
        if image is not None:
            rendition = image.get_rendition("fill-1200x630|format-jpeg")
            image_url = absolute_url(rendition.url)
        alternates = [
            Alternate(link.language, link.full_url)
            for link in self.get_translation_links(request)
            if link.public
        ]
        alternates.sort(
            key=lambda alt: (
                [code for code, _name in settings.LANGUAGES].index(alt.language)
                if alt.language in dict(settings.LANGUAGES)
                else 99
            )
        )
        default = next((alt.url for alt in alternates if alt.language == settings.LANGUAGE_CODE), canonical)
        nodes = [organization_node(request, site, site_settings)]
        crumbs = breadcrumb_node(request, self)
        if crumbs:
            nodes.append(crumbs)
        nodes.extend(self.get_json_ld_nodes(request))
        return Seo(
            title=self.seo_title or self.title,
            description=Truncator(strip_tags(self.get_meta_description())).chars(300),
            canonical=canonical,
            image_url=image_url,
            og_type="article" if getattr(self, "seo_og_type", "") == "article" else "website",
            locale=self.locale.language_code,
            alternates=alternates if len(alternates) > 1 else [],
            x_default=default if len(alternates) > 1 else "",
            json_ld=json_ld_script({"@context": "https://schema.org", "@graph": nodes}),
        )


def organization_node(request, site, chrome=None):
    """schema.org Organization from the site and its settings (``chrome.site_settings``)."""
    url = absolute_url("/")
    name = getattr(site, "site_name", "") or settings.WAGTAIL_SITE_NAME
    node = {"@type": "Organization", "@id": f"{url}#organization", "name": name, "url": url}
    chrome = chrome or {}
    if chrome.get("logo_url"):
        node["logo"] = absolute_url(chrome["logo_url"])
    same_as = [link[2] for link in chrome.get("social", [])]
    if same_as:
        node["sameAs"] = same_as
    if chrome.get("contact_email") or chrome.get("contact_phone"):
        point = {"@type": "ContactPoint", "contactType": "customer support"}
        if chrome.get("contact_email"):
            point["email"] = chrome["contact_email"]
        if chrome.get("contact_phone"):
            point["telephone"] = chrome["contact_phone"]
        node["contactPoint"] = point
    return node


def breadcrumb_node(request, page):
    """schema.org BreadcrumbList from the locale's home page down to ``page`` (None on the home page)."""
    trail = breadcrumb_pages(page)
    if len(trail) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": crumb.title, "item": page_url(crumb, request)}
            for index, crumb in enumerate(trail, start=1)
        ],
    }


def breadcrumb_pages(page):
    """Ancestors below the tree root (the locale's home first), then the page itself."""
    if page.depth <= 2:
        return [page]
    ancestors = list(
        Page.objects.ancestor_of(page)
        .filter(depth__gte=2)
        .order_by("depth")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "slug")
    )
    return [*ancestors, page]


def faq_page_node(questions):
    """schema.org FAQPage from (question, answer html) pairs, or None without questions."""
    entities = [
        {
            "@type": "Question",
            "name": question,
            "acceptedAnswer": {"@type": "Answer", "text": strip_tags(str(answer)).strip()},
        }
        for question, answer in questions
    ]
    if not entities:
        return None
    return {"@type": "FAQPage", "mainEntity": entities}


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element; ``<``, ``>`` and ``&`` escaped for HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
