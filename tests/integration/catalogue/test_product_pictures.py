"""Product pictures are offered as WebP in the widths a screen needs, with a JPEG for old browsers."""

import re
from pathlib import Path

import pytest
from django.utils import translation
from PIL import Image

from tests.factories import make_product_image

SOURCE = re.compile(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">\s*<img ([^>]+)>')


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def candidates(srcset):
    """{width: url} of a srcset."""
    return {int(width[:-1]): url for url, width in (item.split() for item in srcset.split(", "))}


def image_format(media_root, url):
    with Image.open(Path(media_root, url.removeprefix("/media/"))) as image:
        return image.format


@pytest.mark.django_db
def test_a_catalogue_card_offers_webp_at_half_its_size_its_size_and_double(client, product, media_root):
    # given
    make_product_image(product, size=(1200, 1200))
    # when
    html = client.get("/fr/catalogue/").content.decode()
    # then
    srcset, sizes, img = SOURCE.search(html).groups()
    offered = candidates(srcset)
    assert sorted(offered) == [200, 400, 800]
    assert all(image_format(media_root, url) == "WEBP" for url in offered.values())
    assert "50vw" in sizes
    fallback = re.search(r'src="([^"]+)"', img).group(1)
    assert image_format(media_root, fallback) == "JPEG"
    assert 'width="400" height="400"' in img
    assert f'alt="{product.title}"' in img


@pytest.mark.django_db
def test_the_first_gallery_picture_is_fetched_first_and_never_upscaled(client, product, media_root):
    # given: a picture smaller than the gallery's double size
    make_product_image(product, size=(1000, 1000))
    make_product_image(product, size=(1000, 1000), colour=(20, 90, 180))
    with translation.override("ar"):
        url = product.get_absolute_url()
    # when
    html = client.get(url).content.decode()
    # then
    first, second = SOURCE.findall(html)[:2]
    assert sorted(candidates(first[0])) == [450, 900, 1000]
    assert 'fetchpriority="high"' in first[2] and 'loading="lazy"' not in first[2]
    assert 'loading="lazy"' in second[2] and "fetchpriority" not in second[2]
