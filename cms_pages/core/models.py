"""Shared CMS models: site settings, translatable snippets, newsletter subscriptions, product rankings."""

import secrets

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from .blocks import FooterColumnBlock, LinkBlock
from .seo import SeoMixin  # noqa: F401  (re-exported for page apps)

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))
phone_digits = RegexValidator(r"^[0-9]{8,15}$", _("Digits only, with the country code (e.g. 21620123456)."))
telegram_name = RegexValidator(r"^[A-Za-z0-9_]{5,32}$", _("A Telegram username, without @."))


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Brand, contact and social links that Marketing changes without a deployment (one per site)."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        blank=True,
        validators=[hex_colour],
        help_text=_("Light theme only."),
    )
    accent_colour = models.CharField(_("accent colour"), max_length=7, blank=True, validators=[hex_colour])
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    whatsapp_number = models.CharField(
        _("WhatsApp number"), max_length=15, blank=True, validators=[phone_digits]
    )
    telegram_username = models.CharField(
        _("Telegram username"), max_length=32, blank=True, validators=[telegram_name]
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("primary_colour"), FieldPanel("accent_colour")], _("Brand")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")], _("Contact")
        ),
        MultiFieldPanel(
            [
                FieldPanel("whatsapp_number"),
                FieldPanel("telegram_username"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("tiktok_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            _("Messaging and social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def whatsapp_url(self):
        return f"https://wa.me/{self.whatsapp_number}" if self.whatsapp_number else ""

    @property
    def telegram_url(self):
        return f"https://t.me/{self.telegram_username}" if self.telegram_username else ""

    def social_links(self):
        """(network, label, url) for every filled-in network, in display order."""
        pairs = [
            ("whatsapp", "WhatsApp", self.whatsapp_url),
            ("telegram", "Telegram", self.telegram_url),
            ("facebook", "Facebook", self.facebook_url),
            ("instagram", "Instagram", self.instagram_url),
            ("tiktok", "TikTok", self.tiktok_url),
            ("youtube", "YouTube", self.youtube_url),
            ("linkedin", "LinkedIn", self.linkedin_url),
        ]
        return [pair for pair in pairs if pair[2]]


class Testimonial(TranslatableMixin, index.Indexed, models.Model):
    """A customer's words, reused by the testimonials block on any page; translated like pages."""

    quote = models.TextField(_("quote"), max_length=600)
    author_name = models.CharField(_("author"), max_length=100)
    author_role = models.CharField(_("role or city"), max_length=100, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("quote"),
        FieldPanel("author_name"),
        FieldPanel("author_role"),
        FieldPanel("rating"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("quote"),
        index.AutocompleteField("author_name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self):
        return f"{self.author_name} — {self.quote[:40]}"


class SiteChromeSnippet(
    DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, models.Model
):
    """A part of every page's chrome that editors preview as a draft and publish when ready.

    Saving keeps a draft revision; the site keeps showing the live version until "Publish"
    (bakerydemo's footer pattern). The preview renders the draft inside a real page of its language.
    """

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return f"{self.name} ({self.locale})"

    def get_preview_template(self, request, mode_name):
        return "cms_core/chrome_preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "chrome_draft": self}

    def serve_preview(self, request, mode_name):
        """The draft in the header or footer of a page in its own language (and text direction)."""
        response = super().serve_preview(request, mode_name)
        with translation.override(self.locale.language_code):
            return response.render()


class NavigationMenu(SiteChromeSnippet):
    """The header's main links in one language; without one, the header shows its built-in links."""

    name = models.CharField(_("name"), max_length=100, default="Main menu")
    links = StreamField([("link", LinkBlock())], verbose_name=_("links"), blank=True)
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="navigation_menu")

    panels = [FieldPanel("name"), FieldPanel("links")]

    class Meta(SiteChromeSnippet.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")


class Footer(SiteChromeSnippet):
    """The footer's link columns and short text in one language; without one, the built-in footer shows."""

    name = models.CharField(_("name"), max_length=100, default="Footer")
    about = models.TextField(_("about text"), blank=True, max_length=400)
    columns = StreamField([("column", FooterColumnBlock())], verbose_name=_("columns"), blank=True)
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="footer")

    panels = [FieldPanel("name"), FieldPanel("about"), FieldPanel("columns")]

    class Meta(SiteChromeSnippet.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")


def _new_token():
    return secrets.token_urlsafe(24)


class NewsletterSubscription(models.Model):
    """One address on the newsletter list; it counts only once confirmed (double opt-in)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    source = models.CharField(_("signed up on"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email=models.functions.Lower("email")), name="newsletter_email_lowercase"
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.get_status_display()})"
