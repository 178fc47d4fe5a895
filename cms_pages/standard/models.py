"""Legal and static pages (terms, refund policy, privacy…): a title, an introduction and text blocks."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.core.blocks import ArticleStreamBlock
from cms_pages.core.pagetypes import ViewRestrictionCacheMixin
from cms_pages.core.seo import SeoMixin, breadcrumb_pages


class StandardPage(ViewRestrictionCacheMixin, SeoMixin, Page):
    """A text page; may hold sub-pages (e.g. "Legal" › "Terms", "Privacy")."""

    intro = models.CharField(_("introduction"), max_length=255, blank=True)
    body = StreamField(ArticleStreamBlock(), verbose_name=_("content"), blank=True)
    last_updated = models.DateField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("Shown on legal pages: when the text last changed."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_updated"),
    ]
    promote_panels = SeoMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "standard.StandardPage"]
    subpage_types = ["standard.StandardPage", "form_pages.FormPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["crumbs"] = breadcrumb_pages(self)
        return context
