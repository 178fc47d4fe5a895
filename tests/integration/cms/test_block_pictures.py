"""CMS pictures come as WebP in several widths with a JPEG fallback; the hero's is fetched first."""

import re

import pytest

from cms_pages.core.blocks import HeroBlock
from tests.integration.cms.rich_pages import make_image


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.mark.django_db
def test_the_hero_picture_offers_webp_widths_and_is_fetched_first(home_pages):
    # given: the site (root collection included) and a 640×480 picture
    block = HeroBlock()
    value = block.to_python({"headline": "Le souk", "image": make_image("medina").pk})
    # when
    html = block.render(value, context={"heading_level": 1})
    # then
    webp = re.search(r'<source[^>]*type="image/webp"[^>]*>', html).group(0)
    widths = sorted(int(width) for width in re.findall(r"\.webp (\d+)w", webp))
    assert len(widths) >= 2 and widths[0] < widths[-1]
    assert 'sizes="(min-width: 900px) 50vw, 100vw"' in webp
    img = re.search(r"<img [^>]*>", html).group(0)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert 'fetchpriority="high"' in img and 'class="hero__image"' in img
