"""The same page in another language: a Wagtail page's translation, else the translated URL.

A Wagtail page that is not live in a language is never linked to in it (that address is a 404): the
link goes to its nearest ancestor live in that language, marked ``untranslated`` so the switcher says
so.
"""

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
    untranslated: bool = False


def alternate_urls(request, page=None):
    """One link per site language; for a Wagtail page, the URL of its translation in that locale."""
    current = get_language()
    translations = _translation_urls(request, page) if page is not None else {}
    missing = [code for code, _name in settings.LANGUAGES if page is not None and not translations.get(code)]
    nearest = _nearest_translated_ancestors(request, page, missing) if missing else {}
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is None:
            url, untranslated = _translated_path(request, code), False
        elif translations.get(code):
            url, untranslated = translations[code], False
        else:
            url, untranslated = nearest.get(code) or f"/{code}/", True
        links.append(LanguageLink(code, info["name_local"], url, code == current, info["bidi"], untranslated))
    return links


def _nearest_translated_ancestors(request, page, codes):
    """{language code: URL of the closest ancestor of ``page`` live in that language} (one query)."""
    from wagtail.models import Page

    ancestors = list(page.get_ancestors().filter(depth__gt=1).order_by("-depth").only("translation_key"))
    live = {
        (candidate.translation_key, candidate.locale.language_code): candidate
        for candidate in Page.objects.filter(
            translation_key__in=[ancestor.translation_key for ancestor in ancestors],
            locale__language_code__in=codes,
        )
        .live()
        .select_related("locale")
    }
    urls = {}
    for code in codes:
        for ancestor in ancestors:
            candidate = live.get((ancestor.translation_key, code))
            url = candidate.get_url(request) if candidate is not None else None
            if url:
                urls[code] = url
                break
    return urls


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
        # Not a resolvable URL in the other language: that language's home page.
        return f"/{code}/"
    return url
