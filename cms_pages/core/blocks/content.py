"""Editorial blocks: text, pictures, video, calls to action, columns, FAQ, pricing, countdowns
and trust badges."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import (
    AltTextAskedMixin,
    ImageAltValue,
    ImageChooserBlock,
    LinkBlock,
    OptionalLinkBlock,
    StructBlock,
    alt_block,
    public_paths,
)


class ImageFigureBlock(AltTextAskedMixin, StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = alt_block()
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=100)

    class Meta:
        icon = "image"
        value_class = ImageAltValue
        template = "cms_core/blocks/image.html"
        description = _("A picture with an optional caption and credit.")


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        form_classname = "title"
        template = "cms_core/blocks/heading.html"
        description = _("A section title.")
        preview_value = "Nos boutiques"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "cms_core/blocks/paragraph.html"
        description = _("Formatted text with headings, lists and links.")
        preview_value = "<p>Des objets faits main par des <b>artisans tunisiens</b>, livrés chez vous.</p>"


class HeroBlock(AltTextAskedMixin, StructBlock):
    """The big opening band of a page: headline, text, a button and a picture."""

    eyebrow = blocks.CharBlock(label=_("Small text above the headline"), required=False, max_length=60)
    headline = blocks.CharBlock(label=_("Headline"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    image = ImageChooserBlock(label=_("Image"), required=False)
    alt = alt_block()
    cta = OptionalLinkBlock(label=_("Button"), required=False)

    class Meta:
        icon = "pick"
        value_class = ImageAltValue
        template = "cms_core/blocks/hero.html"
        description = _("A large headline with text, a button and a picture; best first on the page.")
        preview_value = {
            "eyebrow": "Souk",
            "headline": "Le souk tunisien, en ligne",
            "text": "Céramique, mode de la médina et fichiers numériques.",
        }


class GalleryBlock(StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    images = blocks.ListBlock(ImageFigureBlock(), label=_("Images"), min_num=1, max_num=24)

    class Meta:
        icon = "image"
        template = "cms_core/blocks/gallery.html"
        description = _("A grid of pictures.")


VIDEO_PATTERNS = (
    (re.compile(r"^(?:www\.|m\.)?youtube\.com$"), "youtube"),
    (re.compile(r"^youtu\.be$"), "youtube"),
    (re.compile(r"^(?:www\.|player\.)?vimeo\.com$"), "vimeo"),
)


def video_embed_url(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or "" when not recognised."""
    parsed = urlparse(url or "")
    host = parsed.hostname or ""
    for pattern, provider in VIDEO_PATTERNS:
        if not pattern.match(host):
            continue
        if provider == "youtube":
            if host == "youtu.be":
                video_id = parsed.path.lstrip("/")
            elif parsed.path.startswith(("/embed/", "/shorts/")):
                video_id = parsed.path.split("/")[2]
            else:
                video_id = parse_qs(parsed.query).get("v", [""])[0]
            if re.fullmatch(r"[A-Za-z0-9_-]{6,20}", video_id or ""):
                return f"https://www.youtube-nocookie.com/embed/{video_id}"
        else:
            video_id = parsed.path.rstrip("/").split("/")[-1]
            if video_id.isdigit():
                return f"https://player.vimeo.com/video/{video_id}?dnt=1"
    return ""


class VideoValue(blocks.StructValue):
    @property
    def embed_url(self):
        return video_embed_url(self.get("url"))


class VideoBlock(StructBlock):
    """A YouTube or Vimeo video that loads only when the shopper presses play (no third party before)."""

    url = blocks.URLBlock(label=_("YouTube or Vimeo link"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    poster = ImageChooserBlock(label=_("Poster image"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value.get("url")):
            raise StructBlockValidationError(
                {"url": ValidationError(_("Enter a YouTube or Vimeo video link."))}
            )
        return value

    class Meta:
        icon = "media"
        template = "cms_core/blocks/video.html"
        value_class = VideoValue
        description = _("A YouTube or Vimeo video, loaded only after the visitor presses play.")
        preview_value = {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": "Souk"}


class CallToActionBlock(StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    button = LinkBlock(label=_("Button"))
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("primary", _("Blue band")), ("accent", _("Terracotta band")), ("plain", _("Plain"))],
        default="primary",
    )

    class Meta:
        icon = "redirect"
        template = "cms_core/blocks/cta.html"
        description = _("A band with a title, a sentence and one button.")
        preview_value = {
            "title": "Rejoignez le souk",
            "text": "Ouvrez votre boutique en quelques minutes.",
            "button": {"label": "Commencer", "url": "/fr/"},
            "style": "primary",
        }


class ColumnBlock(StructBlock):
    image = ImageChooserBlock(label=_("Image"), required=False)
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=100)
    text = ParagraphBlock(label=_("Text"), required=False)
    link = OptionalLinkBlock(label=_("Link"), required=False)


class ColumnsBlock(StructBlock):
    columns = blocks.ListBlock(ColumnBlock(), label=_("Columns"), min_num=2, max_num=4)

    class Meta:
        icon = "grip"
        template = "cms_core/blocks/columns.html"
        description = _("Two to four side-by-side columns of text and pictures (stacked on phones).")
        preview_value = {
            "columns": [
                {"heading": "Fait main", "text": "<p>Des artisans de Nabeul et de la médina.</p>"},
                {"heading": "Livré", "text": "<p>Partout en Tunisie.</p>"},
            ]
        }


class FAQItemBlock(StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = ParagraphBlock(label=_("Answer"))


class FAQBlock(StructBlock):
    """Questions that open on click; help articles also publish them as schema.org FAQPage data."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "cms_core/blocks/faq.html"
        description = _("Questions and answers that open on click.")
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {
                    "question": "Quels sont les délais de livraison ?",
                    "answer": "<p>De 2 à 5 jours ouvrés.</p>",
                },
                {"question": "Puis-je payer à la livraison ?", "answer": "<p>Oui, partout en Tunisie.</p>"},
            ],
        }


class PricingPlanBlock(StructBlock):
    name = blocks.CharBlock(label=_("Plan name"), max_length=60)
    price = blocks.DecimalBlock(label=_("Price (TND)"), decimal_places=3, min_value=0)
    period = blocks.CharBlock(label=_("Period"), required=False, max_length=40, help_text=_("e.g. per month"))
    features = blocks.ListBlock(blocks.CharBlock(max_length=120), label=_("Included"))
    show_commission = blocks.BooleanBlock(
        label=_("Show the sales commission"),
        required=False,
        help_text=_(
            "The share of each sale a new shop pays, as orders take it (from the platform's settings)."
        ),
    )
    button = OptionalLinkBlock(label=_("Button"), required=False)
    highlighted = blocks.BooleanBlock(label=_("Highlight this plan"), required=False)


class PricingTableBlock(StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    plans = blocks.ListBlock(PricingPlanBlock(), label=_("Plans"), min_num=1, max_num=4)

    class Meta:
        icon = "table"
        template = "cms_core/blocks/pricing.html"
        description = _("Side-by-side plans with a price, what is included and a button.")
        preview_value = {
            "title": "Nos formules",
            "plans": [
                {
                    "name": "Essentiel",
                    "price": "19.900",
                    "period": "par mois",
                    "features": ["1 Go", "Support"],
                },
                {
                    "name": "Pro",
                    "price": "49.900",
                    "period": "par mois",
                    "features": ["10 Go", "Support prioritaire"],
                    "highlighted": True,
                },
            ],
        }


class CountdownValue(blocks.StructValue):
    def deadline(self, page=None):
        """The block's own end, else the page's scheduled end (promo pages)."""
        return self.get("ends_at") or getattr(page, "expire_at", None) or getattr(page, "ends_at", None)


def _preview_deadline():
    return timezone.now() + timedelta(days=2, hours=5)


class CountdownBlock(StructBlock):
    """Days, hours, minutes and seconds left, ticking in the browser; a plain date without JavaScript."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    ends_at = blocks.DateTimeBlock(
        label=_("Ends at"),
        required=False,
        help_text=_("Leave empty to count down to the page's expiry date."),
    )
    expired_text = blocks.CharBlock(label=_("Text once over"), required=False, max_length=160)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["deadline"] = value.deadline((parent_context or {}).get("page"))
        return context

    class Meta:
        icon = "time"
        template = "cms_core/blocks/countdown.html"
        value_class = CountdownValue
        description = _("A live countdown to the end of an offer.")
        preview_value = {"title": "Fin de l'offre dans", "ends_at": _preview_deadline}


BADGE_ICONS = [
    ("truck", _("Delivery")),
    ("shield", _("Secure payment")),
    ("check", _("Guarantee")),
    ("box", _("Returns")),
    ("heart", _("Made by hand")),
    ("user", _("Support")),
]


class TrustBadgeBlock(StructBlock):
    icon = blocks.ChoiceBlock(label=_("Icon"), choices=BADGE_ICONS, default="shield")
    title = blocks.CharBlock(label=_("Title"), max_length=60)
    text = blocks.CharBlock(label=_("Text"), required=False, max_length=140)


class TrustBadgesBlock(StructBlock):
    badges = blocks.ListBlock(TrustBadgeBlock(), label=_("Badges"), min_num=1, max_num=6)

    class Meta:
        icon = "success"
        template = "cms_core/blocks/trust_badges.html"
        description = _("Short promises with an icon: delivery, secure payment, returns…")
        preview_value = {
            "badges": [
                {"icon": "truck", "title": "Livraison en Tunisie", "text": "De 2 à 5 jours."},
                {"icon": "shield", "title": "Paiement sécurisé", "text": "Carte ou à la livraison."},
            ]
        }


DECONSTRUCT_ALIASES = public_paths(
    ImageFigureBlock,
    HeadingBlock,
    ParagraphBlock,
    HeroBlock,
    GalleryBlock,
    VideoBlock,
    CallToActionBlock,
    ColumnBlock,
    ColumnsBlock,
    FAQItemBlock,
    FAQBlock,
    PricingPlanBlock,
    PricingTableBlock,
    CountdownBlock,
    TrustBadgeBlock,
    TrustBadgesBlock,
)
