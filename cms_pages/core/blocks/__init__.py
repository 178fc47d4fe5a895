"""The shared StreamField block library, one module per family (bakerydemo keeps app blocks in the app).

Every page type's body is a ``BodyStreamBlock`` (``bodies``): editors compose pages from these
blocks and each block has its template (``cms_core/blocks/``), an admin icon, a description and a
preview value for Wagtail's block picker. ``base`` holds what every family builds on, ``content``
the editorial blocks, ``commerce`` the live product blocks, ``people`` testimonials and experts,
``forms`` the newsletter sign-up. Commerce blocks store product and category ids only; the page
loads every product its blocks show in one batch (``products.CommerceLoader``) so prices and stock
are always current and the number of queries does not grow with the number of products. Image,
page and snippet choosers take their objects from the stream's own batch (``streams``) for the
same reason.

Everything is re-exported here: page models, migrations (``cms_pages.core.blocks.<name>``, kept by
each module's ``DECONSTRUCT_ALIASES``) and tests import the blocks from this package.
"""

from .base import (
    AltTextAskedMixin,
    FooterColumnBlock,
    ImageAltValue,
    ImageChooserBlock,
    LinkBlock,
    LinkValue,
    OptionalLinkBlock,
    PageChooserBlock,
    SnippetChooserBlock,
    StructBlock,
    alt_block,
)
from .bodies import ArticleStreamBlock, BodyStreamBlock
from .commerce import (
    PRODUCT_SOURCES,
    SOURCE_FIELDS,
    CategoryChooserBlock,
    IdChooserBlock,
    ProductChooserBlock,
    ProductGridBlock,
    ProductHighlightBlock,
)
from .content import (
    BADGE_ICONS,
    VIDEO_PATTERNS,
    CallToActionBlock,
    ColumnBlock,
    ColumnsBlock,
    CountdownBlock,
    CountdownValue,
    FAQBlock,
    FAQItemBlock,
    GalleryBlock,
    HeadingBlock,
    HeroBlock,
    ImageFigureBlock,
    ParagraphBlock,
    PricingPlanBlock,
    PricingTableBlock,
    TrustBadgeBlock,
    TrustBadgesBlock,
    VideoBlock,
    VideoValue,
    video_embed_url,
)
from .forms import NewsletterBlock
from .people import ExpertCardsBlock, TestimonialsBlock

__all__ = [
    "BADGE_ICONS",
    "PRODUCT_SOURCES",
    "SOURCE_FIELDS",
    "VIDEO_PATTERNS",
    "AltTextAskedMixin",
    "ArticleStreamBlock",
    "BodyStreamBlock",
    "CallToActionBlock",
    "CategoryChooserBlock",
    "ColumnBlock",
    "ColumnsBlock",
    "CountdownBlock",
    "CountdownValue",
    "ExpertCardsBlock",
    "FAQBlock",
    "FAQItemBlock",
    "FooterColumnBlock",
    "GalleryBlock",
    "HeadingBlock",
    "HeroBlock",
    "IdChooserBlock",
    "ImageAltValue",
    "ImageChooserBlock",
    "ImageFigureBlock",
    "LinkBlock",
    "LinkValue",
    "NewsletterBlock",
    "OptionalLinkBlock",
    "PageChooserBlock",
    "ParagraphBlock",
    "PricingPlanBlock",
    "PricingTableBlock",
    "ProductChooserBlock",
    "ProductGridBlock",
    "ProductHighlightBlock",
    "SnippetChooserBlock",
    "StructBlock",
    "TestimonialsBlock",
    "TrustBadgeBlock",
    "TrustBadgesBlock",
    "VideoBlock",
    "VideoValue",
    "alt_block",
    "video_embed_url",
]
