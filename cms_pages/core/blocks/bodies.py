"""The stream blocks page types use as their body: which blocks an editor may add where."""

from django.utils.translation import gettext_lazy as _

from ..streams import BatchedStreamBlock
from .base import public_paths
from .commerce import ProductGridBlock, ProductHighlightBlock
from .content import (
    CallToActionBlock,
    ColumnsBlock,
    CountdownBlock,
    FAQBlock,
    GalleryBlock,
    HeadingBlock,
    HeroBlock,
    ImageFigureBlock,
    ParagraphBlock,
    PricingTableBlock,
    TrustBadgesBlock,
    VideoBlock,
)
from .forms import NewsletterBlock
from .people import ExpertCardsBlock, TestimonialsBlock


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


DECONSTRUCT_ALIASES = public_paths(BodyStreamBlock, ArticleStreamBlock)
