"""Template tags for the page chrome shared by Wagtail, Oscar and allauth pages."""

import functools
import re
from pathlib import Path

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import loader
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page

from commerce.core.i18n import alternate_urls

register = template.Library()
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every site language (the Wagtail translation when there is one)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return alternate_urls(request, page if isinstance(page, Page) else None)


@register.tag
def jquery_onload(parser, token):
    """``{% jquery_onload "extra/script.js" … %}code{% endjquery_onload %}``: jQuery only if there is code.

    Oscar's templates put their jQuery code in the ``onbodyload`` block, which sits inside this tag.
    A page with code gets jQuery, the scripts named and the code run once the page is parsed; a page
    without (all of our storefront) downloads no jQuery at all.
    """
    scripts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endjquery_onload",))
    parser.delete_first_token()
    return JQueryOnLoadNode(nodelist, scripts)


class JQueryOnLoadNode(template.Node):
    def __init__(self, nodelist, scripts):
        self.nodelist = nodelist
        self.scripts = scripts

    def render(self, context):
        code = self.nodelist.render(context)
        if not code.strip():
            return ""
        scripts = ["oscar/js/jquery/jquery.min.js", *(script.resolve(context) for script in self.scripts)]
        # A plain Context: the page's context processors already ran once, no need to run them again.
        include = loader.get_template("includes/jquery_onload.html").template
        values = {"scripts": scripts, "code": code, "request": context.get("request")}
        return include.render(template.Context(values, autoescape=context.autoescape))


# The storefront's stylesheet, one file per layer, in cascade order (breakpoints: see tokens.css).
STOREFRONT_LAYERS = (
    "css/tokens.css",
    "css/base.css",
    "css/layout.css",
    "css/components.css",
    "css/pages.css",
)


@register.simple_tag
def inline_stylesheet(*paths):
    """``{% inline_stylesheet "css/checkout.css" … %}``: the stylesheets inside the page, in that
    order, in one <style> element.

    A linked stylesheet holds the first paint until a second request comes back (a whole round trip
    on a phone). Ours are small once compressed (the storefront's layers together about 10 KB) and
    travel inside the compressed page instead. They must not use relative ``url()``s, which would
    resolve against the page's address.
    """
    css = "\n".join(_stylesheet(path) for path in paths)
    return format_html("<style>{}</style>", mark_safe(css))  # noqa: S308 - our own files


@register.simple_tag
def storefront_stylesheet():
    """``{% storefront_stylesheet %}``: every layer of the storefront's stylesheet in one <style>.

    Needs no request: the 500 page, rendered without one, carries the same look as the others.
    """
    return inline_stylesheet(*STOREFRONT_LAYERS)


@register.simple_tag
def storefront_stylesheet_links():
    """``{% storefront_stylesheet_links %}``: the storefront's layers as <link>s, for a page whose
    stylesheets must be files (Wagtail's block preview, inside the admin)."""
    links = ((static(path),) for path in STOREFRONT_LAYERS)
    return format_html_join("", '<link rel="stylesheet" href="{}">', links)


def _stylesheet(path):
    if settings.DEBUG:  # edited while ``make run`` serves
        return _read_stylesheet(path)
    return _cached_stylesheet(path)


def _read_stylesheet(path):
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"no static file {path!r}")
    # Comments are for whoever edits the file; no need to send them with every page.
    return CSS_COMMENT.sub("", Path(found).read_text(encoding="utf-8"))


_cached_stylesheet = functools.cache(_read_stylesheet)
