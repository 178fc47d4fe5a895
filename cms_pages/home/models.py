"""The home page: root of each locale's tree, composed by Marketing from the shared block library."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms_pages.core.blocks import BodyStreamBlock
from cms_pages.core.caching import CachedPageMixin
from cms_pages.core.pagetypes import CommercePageMixin, ViewRestrictionCacheMixin
from cms_pages.core.seo import SeoMixin


class HomePage(CachedPageMixin, CommercePageMixin, ViewRestrictionCacheMixin, SeoMixin, Page):
    """One per locale (French source, English and Arabic translations), root of the site's tree.

    Everything on it is a block (hero, product grids, testimonials…); anonymous visitors get it from
    the page cache, invalidated on publish and when a product it shows changes price or stock.
    """

    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    promote_panels = SeoMixin.seo_panels

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "landing.LandingPage",
        "landing.PromoPage",
        "help.HelpCentrePage",
        "form_pages.FormPage",
        "standard.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def hero_title(self):
        """The headline of the first hero block (the page's <h1>), else the title."""
        for block in self.body:
            if block.block_type == "hero":
                return block.value["headline"]
        return self.title

    @property
    def hero_cta_link(self):
        """Where the first hero block's button leads ("" without one); the former field's name."""
        for block in self.body:
            if block.block_type == "hero":
                return block.value["cta"].href if block.value.get("cta") else ""
        return ""

    def get_meta_description(self):
        if self.search_description:
            return self.search_description
        for block in self.body:
            if block.block_type == "hero" and block.value.get("text"):
                return block.value["text"]
        return ""
