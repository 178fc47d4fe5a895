"""Template tags for the page chrome shared by Wagtail, Oscar and allauth pages."""

from django import template
from django.template import loader
from wagtail.models import Page

from commerce.core.i18n import alternate_urls

register = template.Library()


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
        return loader.render_to_string(
            "includes/jquery_onload.html", {"scripts": scripts, "code": code}, context.get("request")
        )
