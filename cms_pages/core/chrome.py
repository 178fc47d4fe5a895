"""Reads for every page's chrome: the header menu, the footer and the site settings.

Each is kept through ``commerce.core.pagecache`` until what it shows changes: the menu and footer
of a language until one of them is published or unpublished in that language (``chrome:<language>``)
or a page is (``cms``: links follow pages); the site settings until they are saved (``settings``).
Entries are per host name (which Wagtail site a host serves is worked out only on a miss), and a
change gives their tag a new version, so it shows at once on every host, whichever one the editor
used. Drafts are never read here: the preview passes its draft in (``menu_links``,
``footer_columns``).
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from commerce.core import pagecache

NONE = "none"  # cached for "no snippet in this language" (None would read as a cache miss)


def header_links(request=None, language=None, draft=None):
    """[{"label", "url"}] of the header menu in this language, or None to keep the built-in links.

    The published navigation menu's links come first, then the site's pages marked "Show in
    menus" that the menu does not already link to. ``draft`` (a preview) replaces the published menu.
    """
    language = language or translation.get_language()
    if draft is not None:
        return _with_menu_pages(menu_links(draft), _site(request), language) or None
    links = pagecache.remember(
        f"cms:chrome:header:{_host(request)}:{language}",
        [pagecache.chrome_tag(language), pagecache.GLOBAL_TAG],
        lambda: _with_menu_pages(_published_menu_links(language), _site(request), language) or NONE,
    )
    return None if links == NONE else links


def footer_content(request=None, language=None, draft=None):
    """{"about", "columns": [{"heading", "links"}]} of the published footer in this language, or None."""
    language = language or translation.get_language()
    if draft is not None:
        return footer_columns(draft)
    content = pagecache.remember(
        f"cms:chrome:footer:{language}",
        [pagecache.chrome_tag(language), pagecache.GLOBAL_TAG],
        lambda: _published_footer(language) or NONE,
    )
    return None if content == NONE else content


def site_settings(request):
    """Logo, colours, contact and social links of the request's Wagtail site, as a plain dict."""
    return pagecache.remember(
        f"cms:chrome:settings:{_host(request)}",
        [pagecache.SETTINGS_TAG],
        lambda: _site_settings_data(request),
    )


def menu_links(menu):
    return [link for link in (_link(block.value) for block in menu.links) if link["url"]]


def footer_columns(footer):
    return {
        "about": footer.about,
        "columns": [
            {
                "heading": block.value["heading"],
                "links": [link for link in map(_link, block.value["links"]) if link["url"]],
            }
            for block in footer.columns
        ],
    }


def _host(request):
    return request.get_host() if request is not None else ""


def _site(request):
    if request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            return site
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def _published_menu_links(language):
    from .models import NavigationMenu

    menu = _published_snippet(NavigationMenu, language)
    return [] if menu is None else menu_links(menu)


def _published_footer(language):
    from .models import Footer

    footer = _published_snippet(Footer, language)
    return None if footer is None else footer_columns(footer)


def _published_snippet(model, language):
    """The live snippet in ``language``, else the live one in the default language."""
    rows = list(
        model.objects.filter(live=True, locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
        .order_by("pk")
    )
    for row in rows:
        if row.locale.language_code == language:
            return row
    return rows[0] if rows else None


def _with_menu_pages(links, site, language):
    """``links`` followed by the live, public pages below the home page marked "Show in menus"."""
    locale = Locale.objects.filter(language_code=language).first()
    home = site.root_page.get_translation_or_none(locale) if site and locale else None
    if home is None:
        return links
    linked = {link["url"] for link in links}
    pages = Page.objects.child_of(home).live().public().in_menu().order_by("path")
    extra = [{"label": page.title, "url": page.get_url()} for page in pages]
    return [*links, *(link for link in extra if link["url"] and link["url"] not in linked)]


def _link(value):
    page = value.get("page")
    if page is not None:
        page = page.localized
        if not page.live:
            return {"label": "", "url": ""}
        return {"label": value.get("label") or page.title, "url": page.url or ""}
    return {"label": value.get("label") or "", "url": value.get("url") or ""}


def _site_settings_data(request):
    from .models import SiteSettings

    site = _site(request)
    if site is None:
        return {"social": []}
    values = SiteSettings.for_site(site)
    logo = values.logo.get_rendition("max-360x120|format-png") if values.logo_id and values.logo else None
    return {
        "logo_url": logo.url if logo else "",
        "logo_width": logo.width if logo else None,
        "logo_height": logo.height if logo else None,
        "primary_colour": values.primary_colour,
        "accent_colour": values.accent_colour,
        "contact_email": values.contact_email,
        "contact_phone": values.contact_phone,
        "address": values.address,
        "whatsapp_url": values.whatsapp_url,
        "telegram_url": values.telegram_url,
        "social": values.social_links(),
    }
