"""Pictures: alternative text is asked for and never the file name; every picture is WebP in
several widths with explicit width and height; the alternative text is translated with the page."""

import re

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from cms_pages.core import blocks
from cms_pages.core.blocks import ColumnsBlock, HeroBlock, ImageFigureBlock, VideoBlock
from cms_pages.landing.models import LandingPage
from tests.factories.pages import add_page, stream
from tests.integration.cms.rich_pages import make_image, make_testimonial

FILE_NAME = "IMG_2041"  # what an uploaded photo's title is until someone changes it


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def alt_of(tag):
    return re.search(r'alt="([^"]*)"', tag).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("block", [ImageFigureBlock(), HeroBlock()], ids=["image", "hero"])
def test_a_picture_without_alternative_text_is_refused(home_pages, block):
    image = make_image(FILE_NAME)
    value = block.to_python({"headline": "Le souk", "image": image.pk, "alt": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "alt" in error.value.block_errors


@pytest.mark.django_db
def test_the_image_description_or_the_blocks_text_answer_the_question(home_pages):
    block = ImageFigureBlock()
    described = make_image(FILE_NAME)
    described.description = "Potier de Nabeul au tour"
    described.save()
    assert block.clean(block.to_python({"image": described.pk, "alt": ""})).alt_text == described.description
    plain = make_image(FILE_NAME)
    value = block.clean(block.to_python({"image": plain.pk, "alt": "Plats en céramique"}))
    assert value.alt_text == "Plats en céramique"


@pytest.mark.django_db
def test_no_picture_reads_its_file_name_aloud(home_pages):
    # given: content stored before alternative texts were asked for
    image = make_image(FILE_NAME)
    figure = ImageFigureBlock().to_python({"image": image.pk})
    columns = ColumnsBlock().to_python({"columns": [{"image": image.pk, "heading": "Fait main"}, {}]})
    # then: no <img> says the file name
    for html in (ImageFigureBlock().render(figure), ColumnsBlock().render(columns)):
        assert img_tags(html)
        assert all(FILE_NAME not in alt_of(tag) for tag in img_tags(html))


@pytest.mark.django_db
def test_testimonial_photos_and_video_posters_are_webp_with_their_size(home_pages):
    photo = make_image("portrait")
    testimonial = make_testimonial("fr", "Très belle poterie", photo=photo)
    poster = make_image("poster")
    testimonials = blocks.TestimonialsBlock()
    rendered = [
        testimonials.render(testimonials.to_python({"testimonials": [testimonial.pk]})),
        VideoBlock().render(
            VideoBlock().to_python(
                {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Atelier", "poster": poster.pk}
            )
        ),
    ]
    for html in rendered:
        webp = re.search(r'<source[^>]*type="image/webp"[^>]*>', html).group(0)
        assert re.search(r'srcset="[^"]+ \d+w', webp)
        (img,) = img_tags(html)
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)


@pytest.mark.django_db
def test_the_alternative_text_is_a_text_to_translate(fr_home):
    image = make_image(FILE_NAME)
    page = add_page(
        fr_home,
        LandingPage,
        title="Artisans",
        body=stream(("image", {"image": image.pk, "alt": "Potier de Nabeul au tour", "caption": ""})),
    )
    strings = [
        segment.string.data for segment in extract_segments(page) if isinstance(segment, StringSegmentValue)
    ]
    assert "Potier de Nabeul au tour" in strings
