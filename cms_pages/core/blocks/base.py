"""What every family of blocks builds on: choosers that take their objects from the page's batch
(``..streams``), a StructBlock whose missing texts read as "", links, and an image's alternative text."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import blocks as image_blocks
from wagtail.rich_text import RichText
from wagtail.snippets import blocks as snippet_blocks

from ..streams import BatchedChooserMixin, localized


def public_paths(*classes):
    """Wagtail's ``DECONSTRUCT_ALIASES`` for a family module: migrations name its blocks by the
    package's path, ``cms_pages.core.blocks.<name>`` (as before the library was split by family)."""
    return {cls: f"cms_pages.core.blocks.{cls.__name__}" for cls in classes}


class ImageChooserBlock(BatchedChooserMixin, image_blocks.ImageChooserBlock):
    """Wagtail's image chooser; in a page body, every image of the page comes from one query."""


class PageChooserBlock(BatchedChooserMixin, blocks.PageChooserBlock):
    """Wagtail's page chooser; in a page body, linked pages come with their translations in one query."""


class SnippetChooserBlock(BatchedChooserMixin, snippet_blocks.SnippetChooserBlock):
    """Wagtail's snippet chooser; in a page body, each snippet model is loaded once for the page."""


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


DECONSTRUCT_ALIASES = public_paths(
    ImageChooserBlock,
    PageChooserBlock,
    SnippetChooserBlock,
    StructBlock,
    LinkBlock,
    OptionalLinkBlock,
    FooterColumnBlock,
)
