"""Cache invalidation wiring: receivers only tell the page cache's tags what changed."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from commerce.core import pagecache

from . import caching


def _pages_changed(sender, **kwargs):
    pagecache.invalidate()


def _page_changed_on_site(sender, **kwargs):
    """A page published, unpublished, moved or deleted (or a site changed): cached pages, menus."""
    pagecache.invalidate(pagecache.GLOBAL_TAG, caching.PAGES_TAG)


def _tree_changed(sender, **kwargs):
    """A page, view restriction or locale saved or deleted: translations, restrictions, linked pages."""
    pagecache.invalidate(caching.PAGES_TAG)


def _testimonials_changed(sender, **kwargs):
    pagecache.invalidate(caching.TESTIMONIALS_TAG)


def _page_published(sender, instance, **kwargs):
    _page_changed_on_site(sender)
    if settings.CMS_SYNC_TRANSLATIONS_ON_PUBLISH and instance.locale.language_code == settings.LANGUAGE_CODE:
        page_id = instance.pk
        transaction.on_commit(lambda: _sync_later(page_id))


def _sync_later(page_id):
    from .tasks import sync_translation_source

    sync_translation_source.delay(page_id)


def _site_settings_changed(sender, created=False, **kwargs):
    if not created:  # a site's settings row is created blank on first read: nothing shown changed
        pagecache.invalidate(pagecache.SETTINGS_TAG)


def _chrome_changed(sender, instance, **kwargs):
    """A menu or footer published, unpublished or deleted: that language's pages and lookups only
    (every language's for the default language, which the others show until they have their own).

    Saving a draft changes nothing visitors see, so it flushes nothing.
    """
    language = instance.locale.language_code
    languages = (
        [code for code, _name in settings.LANGUAGES] if language == settings.LANGUAGE_CODE else [language]
    )
    pagecache.invalidate(*map(pagecache.chrome_tag, languages))


#: What makes a menu or footer change for visitors (saving a draft does not).
CHROME_SIGNALS = {"publish": published, "unpublish": unpublished, "delete": post_delete}


def connect():
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models

    from .models import Footer, NavigationMenu, SiteSettings, Testimonial

    page_published.connect(_page_published, dispatch_uid="cms-cache-published")
    page_unpublished.connect(_page_changed_on_site, dispatch_uid="cms-cache-unpublished")
    post_page_move.connect(_page_changed_on_site, dispatch_uid="cms-cache-moved")
    post_delete.connect(_page_changed_on_site, sender=Page, dispatch_uid="cms-cache-delete-page")
    for model in (*get_page_models(), PageViewRestriction, Locale):
        post_save.connect(_tree_changed, sender=model, dispatch_uid=f"cms-tree-save-{model._meta.label}")
        post_delete.connect(_tree_changed, sender=model, dispatch_uid=f"cms-tree-delete-{model._meta.label}")
    # A site's host, port or root changes every page's address.
    post_save.connect(_page_changed_on_site, sender=Site, dispatch_uid="cms-cache-save-site")
    post_delete.connect(_page_changed_on_site, sender=Site, dispatch_uid="cms-cache-delete-site")
    for model in (Testimonial, get_image_model()):
        post_save.connect(
            _testimonials_changed, sender=model, dispatch_uid=f"cms-testimonials-save-{model._meta.label}"
        )
        post_delete.connect(
            _testimonials_changed, sender=model, dispatch_uid=f"cms-testimonials-delete-{model._meta.label}"
        )
    post_save.connect(_site_settings_changed, sender=SiteSettings, dispatch_uid="cms-settings-save")
    for model in (PageViewRestriction, Testimonial):
        post_save.connect(_pages_changed, sender=model, dispatch_uid=f"cms-cache-save-{model.__name__}")
        post_delete.connect(_pages_changed, sender=model, dispatch_uid=f"cms-cache-delete-{model.__name__}")
    for model in (NavigationMenu, Footer):
        for name, signal in CHROME_SIGNALS.items():
            signal.connect(_chrome_changed, sender=model, dispatch_uid=f"cms-chrome-{name}-{model.__name__}")
    # Cached pages and product-id lists showing products follow the page cache's ``product:<id>`` and
    # ``listing`` tags, bumped by commerce/catalogue/receivers.py.
