"""The home page: root of each locale's tree, edited by Marketing in Wagtail."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from .selectors import featured_products


class HomePage(Page):
    """One per locale (fr source, en/ar translations); shows a hero, editorial blocks and new products."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.CharField(_("hero text"), max_length=255, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_cta_label = models.CharField(_("button label"), max_length=60, blank=True)
    hero_cta_link = models.CharField(_("button link"), max_length=255, blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", icon="title")),
            ("paragraph", blocks.RichTextBlock(icon="pilcrow")),
            ("image", ImageChooserBlock(icon="image")),
        ],
        blank=True,
        use_json_field=True,
    )
    featured_count = models.PositiveSmallIntegerField(_("new products shown"), default=8)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_link"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
        FieldPanel("featured_count"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = featured_products(self.featured_count)
        return context
