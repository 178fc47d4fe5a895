"""Each French page's translation status per locale, for the admin's "Translation status" view.

Statuses, from what wagtail-localize and Wagtail record:

- ``missing``: no page in that locale yet.
- ``up_to_date``: translated with wagtail-localize and every string of the current source is translated.
- ``in_progress``: a wagtail-localize translation still has strings to translate, and is not live.
- ``live_untranslated``: the same, but already live: visitors read the untranslated strings (in French).
- ``outdated``: the source changed after the translation was made — it was edited since the last sync
  (its latest revision is newer than the synced source), or the sync brought strings that are not
  translated yet into a translation published before that sync.
- ``manual``: a translation made by copying the page (not through wagtail-localize); ``outdated``
  when the source was published after it.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

STATUS_LABELS = {
    "missing": _("Missing"),
    "up_to_date": _("Up to date"),
    "in_progress": _("In progress"),
    "live_untranslated": _("Live but untranslated"),
    "outdated": _("Out of date"),
    "manual": _("Translated by copy"),
}

NEEDS_WORK = ("missing", "outdated", "in_progress", "live_untranslated")


@dataclass
class LocaleStatus:
    locale: Locale
    status: str
    page: Page | None = None
    total: int = 0
    translated: int = 0
    url: str = ""  # public address, when live

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def percent(self):
        return round(100 * self.translated / self.total) if self.total else 100


@dataclass
class PageStatus:
    page: Page
    synced_at: object = None
    url: str = ""  # public address
    locales: list = field(default_factory=list)

    @property
    def needs_work(self):
        return any(item.status in NEEDS_WORK for item in self.locales)


def translation_statuses(*, source_locale=None, pages=None):
    """[PageStatus] for the source locale's pages (tree order), one LocaleStatus per other locale."""
    from wagtail_localize.models import Translation, TranslationSource

    source_locale = source_locale or Locale.get_default()
    locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    if pages is None:
        pages = Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path")
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    others = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).exclude(locale=source_locale)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    translations = {
        (item.source_id, item.target_locale_id): item
        for item in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    result = []
    for page in pages:
        source = sources.get(page.translation_key)
        status = PageStatus(page=page, synced_at=source.last_updated_at if source else None)
        for locale in locales:
            target = others.get((page.translation_key, locale.pk))
            translation = translations.get((source.pk, locale.pk)) if source else None
            status.locales.append(_locale_status(page, locale, target, source, translation))
        result.append(status)
    return result


def untranslated_pages(pages):
    """The pages among ``pages`` that are wagtail-localize translations still missing strings.

    Such a page, live, shows the source language's text under another language's address: search
    engines should not be sent there until its translator finishes.
    """
    from wagtail_localize.models import Translation

    keys = {(page.translation_key, page.locale_id): page for page in pages}
    if not keys:
        return set()
    translations = Translation.objects.filter(
        enabled=True,
        source__object_id__in={key for key, _locale in keys},
        target_locale_id__in={locale for _key, locale in keys},
    ).select_related("source")
    found = set()
    for translation in translations:
        page = keys.get((translation.source.object_id, translation.target_locale_id))
        if page is not None:
            total, translated = translation.get_progress()
            if translated < total:
                found.add(page)
    return found


def _locale_status(page, locale, target, source, translation):
    if target is None:
        return LocaleStatus(locale, "missing")
    if translation is None:
        newer = (
            page.last_published_at
            and target.last_published_at
            and page.last_published_at > target.last_published_at
        )
        return LocaleStatus(locale, "outdated" if newer else "manual", target)
    total, translated = translation.get_progress()
    edited_since_sync = (
        page.latest_revision_created_at and page.latest_revision_created_at > source.last_updated_at
    )
    if edited_since_sync:
        return LocaleStatus(locale, "outdated", target, total, translated)
    if translated >= total:
        return LocaleStatus(locale, "up_to_date", target, total, translated)
    published_before_sync = target.last_published_at and target.last_published_at < source.last_updated_at
    if published_before_sync:
        return LocaleStatus(locale, "outdated", target, total, translated)
    status = "live_untranslated" if target.live else "in_progress"
    return LocaleStatus(locale, status, target, total, translated)


def sync_source(page):
    """Refresh the strings to translate from the page's latest content (wagtail-localize "sync").

    Translators then see the new strings in the translation editor; published translations keep
    their text until a translator publishes them again. Returns False when the page was never
    submitted for translation with wagtail-localize.
    """
    from wagtail_localize.models import TranslationSource

    page = page.specific
    with transaction.atomic():
        if not TranslationSource.objects.filter(
            object_id=page.translation_key, locale_id=page.locale_id
        ).exists():
            return False
        TranslationSource.update_or_create_from_instance(page)
    return True
