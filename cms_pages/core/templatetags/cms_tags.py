"""Template tags for CMS pages and the site chrome (navigation, footer, settings, SEO)."""

from django import template
from django.core.cache import cache
from wagtail.models import Page

from cms_pages.core import caching, selectors
from commerce.core import pagecache
from commerce.partner.models import default_commission_rate

register = template.Library()


@register.simple_tag(takes_context=True)
def cms_site_settings(context):
    """The site's logo, colours, contact and social links (a dict, cached)."""
    request = context.get("request")
    if "_cms_site_chrome" not in context:
        context["_cms_site_chrome"] = selectors.site_chrome(request)
    return context["_cms_site_chrome"]


@register.simple_tag
def sales_commission_rate():
    """The share of each sale a new shop pays, the very setting orders take it from (pricing blocks
    show it instead of a figure typed into the page)."""
    return default_commission_rate()


@register.simple_tag
def cms_header_links():
    """The navigation menu's links in the current language, or None to keep the built-in links."""
    return selectors.header_links()


@register.simple_tag
def cms_footer():
    """The footer snippet in the current language, or None to keep the built-in footer."""
    return selectors.footer_content()


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
    version = pagecache.tag_version(pagecache.GLOBAL_TAG)
    key = f"cms:seo:{request.get_host() if request else ''}:{page.pk}:{page.live_revision_id}:{version}"
    seo = cache.get(key)
    if seo is None:
        seo = page.get_seo(request, cms_site_settings(context))
        cache.set(key, seo, max(caching.cache_seconds(), 60))
    page._cms_seo = seo
    return seo
