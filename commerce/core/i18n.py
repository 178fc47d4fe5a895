"""The same page in another language: a Wagtail page's translation, else the translated URL."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    bidi: bool


def alternate_urls(request, page=None):
    """One link per site language; for a Wagtail page, the URL of its translation in that locale."""
    current = get_language()
    translations = _translation_urls(request, page) if page is not None else {}
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = translations.get(code) or _translated_path(request, code)
        links.append(LanguageLink(code, info["name_local"], url, code == current, info["bidi"]))
    return links


def _translation_urls(request, page):
    """{language code: URL} of the page's live translations.

    CMS pages give the list their hreflang links already read (cached until the page tree changes);
    other Wagtail pages are asked the database.
    """
    if hasattr(page, "get_translation_links"):
        return {link.language: link.url for link in page.get_translation_links(request)}
    return {
        translated.locale.language_code: translated.get_url(request)
        for translated in page.get_translations(inclusive=True).live().select_related("locale")
    }


def _translated_path(request, code):
    full_path = request.get_full_path()
    url = translate_url(full_path, code)
    if url == full_path and code != get_language():
        # Not a resolvable URL in the other language (e.g. a Wagtail page with no translation): home.
        return f"/{code}/"
    return url
