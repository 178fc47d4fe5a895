"""``{% guest_fragment "header" %}…{% endguest_fragment %}``: parts of the checkout pages that are
the same for every guest, kept rendered.

The header, footer and chat widget cost more to render than the checkout form itself, and a guest
sees the same ones as every other guest on the same page with the same number of items in the
basket; an empty checkout form is the same for every guest whose basket ships (or not) and may be
paid in cash (or not). Each fragment is kept per host, language, path, basket count and the values
given after its name (``{% guest_fragment "fields" ships cash_on_delivery %}``), under the page
cache's tags (any CMS publish, the site settings, the catalogue's categories, this language's menu
and footer), with the CSRF token and CSP nonce put back for each visitor (``commerce.core.pagecache``).

Signed-in shoppers (account menu, notifications, coins, saved addresses) and requests with a query
string (the header's search box shows ``?q=``) always get them rendered.
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


class GuestFragmentNode(template.Node):
    def __init__(self, name, varies, nodelist):
        self.name = name
        self.varies = varies
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or request.user.is_authenticated or request.META.get("QUERY_STRING"):
            return self.nodelist.render(context)
        basket = getattr(request, "basket", None)
        varies = [basket.num_items if basket is not None else 0]
        varies += [value.resolve(context) for value in self.varies]
        where = [request.get_host(), get_language(), request.path]
        key = ":".join(["checkout:fragment", self.name, *where, *map(str, varies)])
        html = pagecache.remember(
            key, _tags(), lambda: pagecache.without_visitor_values(request, self.nodelist.render(context))
        )
        return mark_safe(pagecache.with_visitor_values(request, html))  # noqa: S308 - our own rendering


@register.tag
def guest_fragment(parser, token):
    """``{% guest_fragment "<name>" [value …] %}``: the enclosed template, kept for guests."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("guest_fragment takes a name, then what the fragment varies with")
    nodelist = parser.parse(("endguest_fragment",))
    parser.delete_first_token()
    return GuestFragmentNode(bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
