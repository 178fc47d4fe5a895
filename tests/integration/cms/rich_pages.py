"""Blocks that use every kind of chooser: images, testimonials, links to pages (in blocks and rich text)."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms_pages.core.models import Testimonial
from cms_pages.landing.models import LandingPage
from tests.factories.pages import add_page


def make_image(title, colour="white"):
    data = BytesIO()
    PillowImage.new("RGB", (640, 480), colour).save(data, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(data, name=f"{title}.png"))


def make_testimonial(language, quote, photo=None):
    return Testimonial.objects.create(
        locale=Locale.objects.get(language_code=language),
        quote=quote,
        author_name="Leïla",
        rating=5,
        photo=photo,
    )


def translated_landing(fr_home, slug="boutiques", en_slug="shops"):
    """A French landing page and its published English translation."""
    french = add_page(fr_home, LandingPage, title="Nos boutiques", slug=slug)
    english = french.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Our shops", en_slug
    english.save_revision().publish()
    english.refresh_from_db()
    return french, english


def link(page, label=""):
    return {"label": label, "page": page.pk, "url": ""}


def rich_text_link(page, text):
    return f'<p>Voir <a linktype="page" id="{page.pk}">{text}</a>.</p>'


def chooser_blocks(images, testimonials, linked_page):
    """One of each block that chooses images, snippets or pages (the hero aside: two per page at most)."""
    first, second = images[0], images[-1]
    return [
        ("image", {"image": first.pk, "caption": "Médina"}),
        ("gallery", {"images": [{"image": first.pk}, {"image": second.pk}]}),
        ("video", {"url": "https://youtu.be/aqz-KE-bpKQ", "title": "Souk", "poster": second.pk}),
        (
            "columns",
            {
                "columns": [
                    {"image": first.pk, "heading": "Fait main", "link": link(linked_page)},
                    {"image": second.pk, "heading": "Livré", "link": link(linked_page, "Livraison")},
                ]
            },
        ),
        ("testimonials", {"title": "Avis", "testimonials": [item.pk for item in testimonials]}),
        ("cta", {"title": "Venez", "button": link(linked_page), "style": "primary"}),
        ("paragraph", rich_text_link(linked_page, "nos boutiques")),
    ]
