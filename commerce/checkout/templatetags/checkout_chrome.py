"""``{% guest_chrome "header" %}…{% endguest_chrome %}``: the checkout pages' chrome, kept rendered.

The header, footer and chat widget cost more to render than the checkout form itself, and a guest
sees the same ones as every other guest on the same page with the same number of items in the
basket. They are kept per host, language, path and basket count under the page cache's tags (any
CMS publish, the site settings, the catalogue's categories, this language's menu and footer), with
the CSRF token and CSP nonce put back for each visitor (``commerce.core.pagecache``).

Signed-in shoppers (account menu, notifications, coins) and requests with a query string (the
header's search box shows ``?q=``) always get the chrome rendered.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from commerce.core import pagecache

register = template.Library()


def _tags():
    return [
        pagecache.GLOBAL_TAG,
        pagecache.SETTINGS_TAG,
        pagecache.CATALOGUE_TAG,
        pagecache.chrome_tag(get_language()),
    ]


class GuestChromeNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or request.user.is_authenticated or request.META.get("QUERY_STRING"):
            return self.nodelist.render(context)
        basket = getattr(request, "basket", None)
        items = basket.num_items if basket is not None else 0
        key = f"checkout:chrome:{self.name}:{request.get_host()}:{get_language()}:{request.path}:{items}"
        html = pagecache.remember(
            key, _tags(), lambda: pagecache.without_visitor_values(request, self.nodelist.render(context))
        )
        return mark_safe(pagecache.with_visitor_values(request, html))  # noqa: S308 - our own rendering


@register.tag
def guest_chrome(parser, token):
    """``{% guest_chrome "<part>" %}``: the enclosed chrome, cached for guests (see the module)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("guest_chrome takes the part's name")
    nodelist = parser.parse(("endguest_chrome",))
    parser.delete_first_token()
    return GuestChromeNode(bits[1].strip("\"'"), nodelist)
