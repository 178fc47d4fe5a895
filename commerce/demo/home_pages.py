"""Seed the Wagtail home page: French source under the tree root, English and Arabic translations.

Called by ``services.seed_demo`` inside its transaction. The French page becomes the default
site's root; the translations share its translation key, so Wagtail serves each one under its
language prefix and the language switcher finds them. Wagtail's placeholder welcome page is the
only thing ever deleted, and only while it is still untouched.
"""

import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from cms_pages.home.models import HomePage

from . import images
from .cms_pages_seed import home_extra_blocks, seed_testimonials
from .pages_data import HOME_TEXTS, LANGUAGES, SOURCE_LANGUAGE

WAGTAIL_PLACEHOLDER_TITLE = "Welcome to your new Wagtail site!"
HERO_IMAGE_TITLE = "Souk — bannière d'accueil"
MARKET_IMAGE_TITLE = "Souk — nos boutiques"


def seed_home_pages(report):
    """The French home page as the default site's root, and its English and Arabic translations."""
    locales = {}
    for language in LANGUAGES:
        locales[language], created = Locale.objects.get_or_create(language_code=language)
        report.tally("locales", created)
    _ensure_tree_roots(locales[SOURCE_LANGUAGE])
    hero = _wagtail_image(report, HERO_IMAGE_TITLE, "souk-hero.jpg", images.hero_banner)
    market = _wagtail_image(report, MARKET_IMAGE_TITLE, "souk-boutiques.jpg", images.market_banner)

    source = _source_home(report, locales[SOURCE_LANGUAGE], hero, market)
    for language in LANGUAGES:
        if language != SOURCE_LANGUAGE:
            _translated_home(report, source, locales[language], hero, market)
    return source


def _ensure_tree_roots(locale):
    """Wagtail's migrations create the page and collection roots; a database flush removes them."""
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def _wagtail_image(report, title, filename, draw):
    ImageModel = get_image_model()
    image = ImageModel.objects.filter(title=title).first()
    report.tally("cms images", image is None)
    if image is None:
        data = draw()
        image = ImageModel(title=title, file=ContentFile(data, name=filename))
        image.file_size = len(data)
        image.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        image.save()
    return image


def _apply_texts(page, texts, language, hero, market):
    """The home page's blocks: hero, promises, best-sellers, news, the shop's story, testimonials…"""
    testimonials = seed_testimonials(_NullReport()).get(language, [])
    extra = home_extra_blocks(language, testimonials)
    story = []
    for kind, value in texts.body:
        if kind == "image":
            story.append(("image", {"image": market.pk, "alt": value, "caption": "", "attribution": ""}))
        else:
            story.append((kind, value))
    items = [
        (
            "hero",
            {
                "eyebrow": "Souk",
                "headline": texts.hero_title,
                "text": texts.hero_text,
                "image": hero.pk,
                "alt": texts.hero_image_alt,
                "cta": {"label": texts.hero_cta_label, "page": None, "url": texts.cta_link(language)},
            },
        ),
        extra["badges"],
        extra["best_sellers"],
        extra["newest"],
        *story,
        extra["together"],
        *([extra["testimonials"]] if testimonials else []),
        extra["newsletter"],
    ]
    page.title = texts.title
    page.body = json.dumps([{"type": kind, "value": value} for kind, value in items])


class _NullReport:
    """Testimonials seeded from the home page are counted by the CMS seed's own report."""

    notes: list = []

    def tally(self, kind, created):
        pass


def _source_home(report, locale, hero, market):
    """Find or create the French home page under the tree root and make it the default site's root."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=root.depth + 1, locale=locale).order_by("path").first()
    report.tally("home pages", home is None)
    placeholder = _wagtail_placeholder(root)
    if home is None:
        if placeholder is not None:
            # Free the "home" slug; the placeholder goes once no site points at it any more.
            placeholder.slug = f"wagtail-welcome-{placeholder.pk}"
            placeholder.save()
        home = HomePage(slug=find_available_slug(root, "home"), locale=locale)
        _apply_texts(home, HOME_TEXTS[locale.language_code], locale.language_code, hero, market)
        root.add_child(instance=home)
        home.save_revision().publish()
    _point_default_site(report, home, placeholder)
    if placeholder is not None:
        for site in Site.objects.filter(root_page=placeholder):
            # One by one, not .update(): saving a Site clears Wagtail's cached site root paths.
            site.root_page = home
            site.save()
        placeholder.delete()
        report.notes.append("Removed Wagtail's placeholder welcome page.")
    return home


def _wagtail_placeholder(root):
    """Wagtail's initial welcome page while it is still a site's root and untouched, else None.

    Recognised by its plain ``Page`` type, its title and its lack of children: a page someone
    created or edited is never taken for it.
    """
    return (
        Page.objects.child_of(root)
        .filter(
            content_type=ContentType.objects.get_for_model(Page),
            title=WAGTAIL_PLACEHOLDER_TITLE,
            numchild=0,
            sites_rooted_here__isnull=False,
        )
        .first()
    )


def _point_default_site(report, home, placeholder):
    """Root the default site at ``home``, unless someone already gave it a root page of their own."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site, created = Site.objects.get_or_create(
            hostname="localhost", port=80, defaults={"root_page": home, "is_default_site": True}
        )
        report.tally("sites", created)
    else:
        report.tally("sites", False)
    replaceable = {home.pk, Page.get_first_root_node().pk, placeholder.pk if placeholder else None}
    if site.root_page_id not in replaceable:
        report.notes.append(f"Default site {site} keeps its own root page ({site.root_page}).")
        return
    if site.root_page_id != home.pk or not site.is_default_site or not site.site_name:
        site.root_page = home
        site.is_default_site = True
        site.site_name = site.site_name or "Souk"
        site.save()


def _translated_home(report, source, locale, hero, market):
    """A translation of the French home page (same translation key), with its own texts, published."""
    page = source.get_translation_or_none(locale)
    report.tally("home pages", page is None)
    if page is not None:
        return page
    page = source.copy_for_translation(locale)
    _apply_texts(page, HOME_TEXTS[locale.language_code], locale.language_code, hero, market)
    page.save_revision().publish()
    return page
