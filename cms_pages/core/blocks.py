"""The shared StreamField block library (bakerydemo's ``base/blocks.py`` pattern).

Every page type's body is a ``BodyStreamBlock``: editors compose pages from these blocks and each
block has its template (``cms_core/blocks/``), an admin icon, a description and a preview value for
Wagtail's block picker. Commerce blocks store product and category ids only; the page loads every
product its blocks show in one batch (``products.CommerceLoader``) so prices and stock are always
current and the number of queries does not grow with the number of products. Image, page and
snippet choosers take their objects from the stream's own batch (``streams``) for the same reason.
"""

import json
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import blocks as image_blocks
from wagtail.rich_text import RichText
from wagtail.snippets import blocks as snippet_blocks

from .streams import BatchedChooserMixin, BatchedStreamBlock, localized

# --- Choosers of images, pages and snippets, loaded with the rest of their stream -------------------


class ImageChooserBlock(BatchedChooserMixin, image_blocks.ImageChooserBlock):
    """Wagtail's image chooser; in a page body, every image of the page comes from one query."""


class PageChooserBlock(BatchedChooserMixin, blocks.PageChooserBlock):
    """Wagtail's page chooser; in a page body, linked pages come with their translations in one query."""


class SnippetChooserBlock(BatchedChooserMixin, snippet_blocks.SnippetChooserBlock):
    """Wagtail's snippet chooser; in a page body, each snippet model is loaded once for the page."""


# --- Choosers that keep ids (commerce data is loaded in one batch by the page) -----------------------


class IdChooserBlock(blocks.ChooserBlock):
    """A chooser whose value is the chosen object's id, not the instance (no query per block)."""

    def to_python(self, value):
        return _as_id(value)

    def bulk_to_python(self, values):
        return [_as_id(value) for value in values]

    def normalize(self, value):
        return _as_id(value)

    def get_prep_value(self, value):
        return _as_id(value)

    def value_from_form(self, value):
        return _as_id(value)

    def value_for_form(self, value):
        return _as_id(value)

    def extract_references(self, value):
        if value is not None:
            yield self.model_class, str(value), "", ""

    def clean(self, value):
        return _as_id(self.field.clean(_as_id(value)))


def _as_id(value):
    if value in (None, ""):
        return None
    return int(getattr(value, "pk", value))


class ProductChooserBlock(IdChooserBlock):
    target_model = "catalogue.Product"

    @cached_property
    def widget(self):
        from .choosers import product_chooser_viewset

        return product_chooser_viewset.widget_class()

    class Meta:
        icon = "tag"


class CategoryChooserBlock(IdChooserBlock):
    target_model = "catalogue.Category"

    @cached_property
    def widget(self):
        from .choosers import category_chooser_viewset

        return category_chooser_viewset.widget_class()

    class Meta:
        icon = "folder-open-1"


# --- Struct blocks whose missing texts read as "" ---------------------------------------------------


class StructBlock(blocks.StructBlock):
    """A StructBlock whose text children missing from stored JSON are "" (as the editor saves them).

    Content written by code (seeds, imports, older block versions) may omit optional fields; Wagtail
    would give ``None``, which templates print as "None" and wagtail-localize cannot extract.
    """

    def _blank_texts(self, value):
        for name, child in self.child_blocks.items():
            if value.get(name) is None and isinstance(child, (blocks.CharBlock, blocks.TextBlock)):
                value[name] = ""
            elif value.get(name) is None and isinstance(child, blocks.RichTextBlock):
                value[name] = RichText("")
        return value

    def to_python(self, value):
        return self._blank_texts(super().to_python(value))

    def bulk_to_python(self, values):
        return [self._blank_texts(value) for value in super().bulk_to_python(values)]


# --- Small building blocks ----------------------------------------------------------------------------


class LinkValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page is not None:
            return localized(page).url
        return self.get("url") or ""

    @property
    def text(self):
        page = self.get("page")
        return self.get("label") or (localized(page).title if page else "")


class LinkBlock(StructBlock):
    """A label and either a page of the site (followed to its translation) or an address."""

    label = blocks.CharBlock(label=_("Label"), max_length=80, required=False)
    page = PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(
        label=_("Address"), required=False, max_length=300, help_text=_("https://…, /fr/catalogue/, mailto:…")
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                {"page": ValidationError(_("Choose a page or enter an address."))}
            )
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                {"label": ValidationError(_("A link to an address needs a label."))}
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkValue
        form_classname = "link-block"


class OptionalLinkBlock(LinkBlock):
    def clean(self, value):
        if not value.get("page") and not value.get("url"):
            return StructBlock.clean(self, value)
        return super().clean(value)


class FooterColumnBlock(StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=60)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"


class ImageAltValue(blocks.StructValue):
    """``alt_text`` is the block's own alternative text, else the image's description; never its title.

    An image is shared by every language's page, so its description reads in one language only; the
    block's ``alt`` is a text of the page, translated with it (wagtail-localize offers it). The title
    is the uploaded file's name unless someone changed it: read aloud, it says nothing.
    """

    @property
    def alt_text(self):
        image = self.get("image")
        return self.get("alt") or (getattr(image, "description", "") if image else "")


def alt_block():
    return blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=200,
        help_text=_("What the picture shows, for people who cannot see it. Empty: the image's description."),
    )


class AltTextAskedMixin:
    """A chosen image needs words for people who cannot see it: the block's or the image's own."""

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not value.get("alt") and not getattr(image, "description", ""):
            raise StructBlockValidationError(
                {
                    "alt": ValidationError(
                        _(
                            "Describe what the picture shows, for people who cannot see it "
                            "(or give the image a description in the image library)."
                        )
                    )
                }
            )
        return value


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


# --- Editorial blocks ---------------------------------------------------------------------------------


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


class TestimonialsBlock(StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    testimonials = blocks.ListBlock(
        SnippetChooserBlock("cms_core.Testimonial"), label=_("Testimonials"), min_num=1, max_num=6
    )

    class Meta:
        icon = "openquote"
        template = "cms_core/blocks/testimonials.html"
        description = _("Customer quotes chosen from the testimonials library (translated with the page).")


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


class NewsletterBlock(StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=100)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    button_label = blocks.CharBlock(label=_("Button label"), required=False, max_length=40)

    def get_context(self, value, parent_context=None):
        import uuid

        context = super().get_context(value, parent_context)
        context["block_id"] = uuid.uuid4().hex[:8]
        return context

    class Meta:
        icon = "mail"
        template = "cms_core/blocks/newsletter.html"
        description = _(
            "An email sign-up form; subscribers confirm by email and can unsubscribe at any time."
        )
        preview_value = {"title": "Restez informé", "text": "Nouveautés et promotions, une fois par mois."}


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


# --- Live commerce blocks -----------------------------------------------------------------------------


def _loader(parent_context, value):
    """The page's batch loader, or one for this block alone (block previews, blocks outside a page)."""
    from .products import CommerceLoader

    loader = (parent_context or {}).get("commerce")
    if loader is None:
        loader = CommerceLoader.for_block_values([value])
    return loader


PRODUCT_SOURCES = [
    ("hand_picked", _("Products I choose")),
    ("category", _("A category")),
    ("best_sellers", _("Best-sellers (last 30 days)")),
    ("bought_together", _("Often bought together (last 30 days)")),
    ("newest", _("Newest products")),
]
#: The product grid's fields each source uses; the editor shows only the chosen source's
#: (static/cms_core/js/product_grid_source.js). The title is always shown.
SOURCE_FIELDS = {
    "hand_picked": ["products"],
    "category": ["category", "count"],
    "best_sellers": ["count"],
    "bought_together": ["anchor", "count"],
    "newest": ["count"],
}


class ProductGridBlock(StructBlock):
    """Product cards with the current price and stock, from a choice, a category or recent orders."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    source = blocks.ChoiceBlock(label=_("Products to show"), choices=PRODUCT_SOURCES, default="hand_picked")
    products = blocks.ListBlock(ProductChooserBlock(), label=_("Chosen products"), default=[], max_num=24)
    category = CategoryChooserBlock(label=_("Category"), required=False)
    anchor = ProductChooserBlock(
        label=_("Bought together with"),
        required=False,
        help_text=_("For “often bought together”: leave empty for the shop's most frequent combinations."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=8, min_value=1, max_value=24)

    def clean(self, value):
        value = super().clean(value)
        if value["source"] == "hand_picked" and not value.get("products"):
            raise StructBlockValidationError({"products": ValidationError(_("Choose at least one product."))})
        if value["source"] == "category" and not value.get("category"):
            raise StructBlockValidationError({"category": ValidationError(_("Choose a category."))})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["products"] = _loader(parent_context, value).products_for(value)
        return context

    class Meta:
        icon = "tag"
        template = "cms_core/blocks/product_grid.html"
        description = _(
            "Product cards with live price and stock: chosen, from a category or from recent orders."
        )
        preview_value = {"title": "Nouveautés", "source": "newest", "count": 4}
        form_attrs = {
            "data-controller": "product-grid-source",
            "data-product-grid-source-fields-value": json.dumps(SOURCE_FIELDS),
        }


class ProductHighlightBlock(StructBlock):
    """One product in the spotlight, with its live price, stock and an add-to-basket button."""

    product = ProductChooserBlock(label=_("Product"))
    headline = blocks.CharBlock(label=_("Headline"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["product"] = _loader(parent_context, value).product(value.get("product"))
        return context

    class Meta:
        icon = "pick"
        template = "cms_core/blocks/product_highlight.html"
        description = _("One product in the spotlight with an add-to-basket button.")


class ExpertCardsBlock(StructBlock):
    """Cards of verified experts; shows nothing until the experts module provides them (never fake data)."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=100)
    count = blocks.IntegerBlock(label=_("How many"), default=4, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        from .experts import featured_experts

        context = super().get_context(value, parent_context)
        context["experts"] = featured_experts(value["count"])
        return context

    class Meta:
        icon = "group"
        template = "cms_core/blocks/experts.html"
        description = _("Verified experts with their speciality and price (appears once experts exist).")


class BodyStreamBlock(BatchedStreamBlock):
    """Every block an editor may put on a CMS page."""

    hero = HeroBlock(label=_("Hero"), group=_("Layout"))
    heading = HeadingBlock(label=_("Heading"), group=_("Text"))
    paragraph = ParagraphBlock(label=_("Rich text"), group=_("Text"))
    image = ImageFigureBlock(label=_("Image"), group=_("Media"))
    gallery = GalleryBlock(label=_("Gallery"), group=_("Media"))
    video = VideoBlock(label=_("Video"), group=_("Media"))
    cta = CallToActionBlock(label=_("Call to action"), group=_("Layout"))
    columns = ColumnsBlock(label=_("Columns"), group=_("Layout"))
    testimonials = TestimonialsBlock(label=_("Testimonials"), group=_("Persuasion"))
    faq = FAQBlock(label=_("FAQ accordion"), group=_("Text"))
    pricing = PricingTableBlock(label=_("Pricing table"), group=_("Persuasion"))
    countdown = CountdownBlock(label=_("Countdown"), group=_("Persuasion"))
    newsletter = NewsletterBlock(label=_("Newsletter sign-up"), group=_("Persuasion"))
    trust_badges = TrustBadgesBlock(label=_("Trust badges"), group=_("Persuasion"))
    product_grid = ProductGridBlock(label=_("Product grid"), group=_("Shop"))
    product_highlight = ProductHighlightBlock(label=_("Product highlight"), group=_("Shop"))
    experts = ExpertCardsBlock(label=_("Expert cards"), group=_("Shop"))

    class Meta:
        block_counts = {"hero": {"max_num": 2}}


class ArticleStreamBlock(BatchedStreamBlock):
    """Help-centre articles: text, pictures, video and FAQ (no commerce or marketing blocks)."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = ParagraphBlock(label=_("Rich text"))
    image = ImageFigureBlock(label=_("Image"))
    video = VideoBlock(label=_("Video"))
    faq = FAQBlock(label=_("FAQ accordion"))
    cta = CallToActionBlock(label=_("Call to action"))
