"""Template tags for CMS pages and the site chrome (navigation, footer, settings, SEO)."""

from django import template
from wagtail.models import Page

from cms_pages.core import chrome
from commerce.core import pagecache
from commerce.partner.models import default_commission_rate

register = template.Library()


@register.simple_tag(takes_context=True)
def cms_site_settings(context):
    """The site's logo, colours, contact and social links (a dict, cached)."""
    request = context.get("request")
    if "_cms_site_chrome" not in context:
        context["_cms_site_chrome"] = chrome.site_settings(request)
    return context["_cms_site_chrome"]


@register.simple_tag
def sales_commission_rate():
    """The share of each sale a new shop pays, the very setting orders take it from (pricing blocks
    show it instead of a figure typed into the page)."""
    return default_commission_rate()


@register.simple_tag(takes_context=True)
def cms_header_links(context):
    """The header menu's links in the current language, or None to keep the built-in links.

    A navigation menu's preview (``chrome_draft``) shows its draft instead of the published menu.
    """
    return chrome.header_links(context.get("request"), draft=_draft(context, "navigationmenu"))


@register.simple_tag(takes_context=True)
def cms_footer(context):
    """The footer in the current language (the draft in its own preview), or None for the built-in one."""
    return chrome.footer_content(context.get("request"), draft=_draft(context, "footer"))


def _draft(context, model_name):
    draft = context.get("chrome_draft")
    return draft if draft is not None and draft._meta.model_name == model_name else None


@register.simple_tag(takes_context=True)
def page_seo(context, page):
    """Title, description, canonical, hreflang alternates and JSON-LD of a CMS page (cached)."""
    request = context.get("request")
    if not isinstance(page, Page) or not hasattr(page, "get_seo"):
        return None
    if hasattr(page, "_cms_seo"):  # the title, description and head blocks all ask for it
        return page._cms_seo
    if getattr(request, "is_preview", False):
        page._cms_seo = page.get_seo(request, cms_site_settings(context))
        return page._cms_seo
    page._cms_seo = pagecache.remember(
        f"cms:seo:{page.pk}:{page.live_revision_id}",
        [pagecache.GLOBAL_TAG, pagecache.SETTINGS_TAG],  # links to pages; the Organization node
        lambda: page.get_seo(request, cms_site_settings(context)),
    )
    return page._cms_seo
