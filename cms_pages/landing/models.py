"""Landing pages (campaigns, sign-up pages) and promo pages (dated offers with a voucher code)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Workflow

from cms_pages.core.blocks import BodyStreamBlock
from cms_pages.core.caching import CachedPageMixin
from cms_pages.core.pagetypes import CommercePageMixin, ViewRestrictionCacheMixin
from cms_pages.core.permissions import PromoPermissionTester
from cms_pages.core.seo import SeoMixin

from .forms import PromoPageForm


class LandingPage(CachedPageMixin, CommercePageMixin, ViewRestrictionCacheMixin, SeoMixin, Page):
    """A campaign page made only of blocks: hero, calls to action, testimonials, product grids…"""

    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    promote_panels = SeoMixin.seo_panels

    parent_page_types = ["home.HomePage", "landing.LandingPage"]
    subpage_types = ["landing.LandingPage", "form_pages.FormPage"]

    class Meta:
        verbose_name = _("landing page")

    def get_meta_description(self):
        return self.search_description or _first_hero_text(self.body)


class PromoPage(CachedPageMixin, CommercePageMixin, ViewRestrictionCacheMixin, SeoMixin, Page):
    """A dated offer: goes live at its start, unpublishes itself at its end, may carry a voucher code.

    Start and end are Wagtail's scheduled publishing (``go_live_at`` / ``expire_at``, applied by the
    ``publish_scheduled`` command on the Celery beat schedule). Marketing submits a promo to the
    "Promo approval" workflow and Platform admins approve it, which publishes (or schedules) it.
    """

    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)
    voucher = models.ForeignKey(
        "voucher.Voucher",
        verbose_name=_("voucher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose a running voucher or create one here; shoppers copy its code at checkout."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                HelpPanel(content=_("The page goes live at the start and unpublishes itself at the end.")),
                FieldPanel("go_live_at", heading=_("Starts at")),
                FieldPanel("expire_at", heading=_("Ends at")),
                FieldPanel("voucher"),
            ],
            heading=_("Offer"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = SeoMixin.seo_panels
    settings_panels = []
    base_form_class = PromoPageForm

    parent_page_types = ["home.HomePage", "landing.LandingPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("promo page")

    def clean(self):
        super().clean()
        errors = {}
        # A missing end is the form's to report (PromoPageForm): here ``None`` may also mean that the
        # form refused the date given (one in the past), which has its own message.
        if self.expire_at and self.go_live_at and self.expire_at <= self.go_live_at:
            errors["expire_at"] = _("The end must come after the start.")
        if errors:
            raise ValidationError(errors)

    def get_meta_description(self):
        return self.search_description or _first_hero_text(self.body)

    @property
    def voucher_code(self):
        """The code shoppers copy (the chosen voucher's), or ""."""
        return self.voucher.code if self.voucher_id else ""

    # --- moderation: promo pages always go through the "Promo approval" workflow ---
    def permissions_for_user(self, user):
        return PromoPermissionTester(user, self)

    def get_workflow(self):
        return promo_workflow() or super().get_workflow()

    @property
    def has_workflow(self):
        return self.get_workflow() is not None

    @property
    def is_running(self):
        now = timezone.now()
        return (self.go_live_at is None or self.go_live_at <= now) and (
            self.expire_at is None or now < self.expire_at
        )


def promo_workflow():
    """The active "Promo approval" workflow (``CMS_PROMO_WORKFLOW_NAME``), or None."""
    name = settings.CMS_PROMO_WORKFLOW_NAME
    return Workflow.objects.filter(name=name, active=True).first()


def _first_hero_text(body):
    for block in body:
        if block.block_type == "hero" and block.value.get("text"):
            return block.value["text"]
    return ""
