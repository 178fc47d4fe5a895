"""A search answer's hit addresses, made from one reversed address per answer, are exactly the
addresses ``reverse`` gives each hit (language prefix, non-ASCII slugs quoted)."""

import pytest
from django.urls import reverse
from django.utils import translation

from commerce.api.search import _hit_url_maker
from commerce.core.sites import absolute_url


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("slug", ["tajine-en-terre", "طاجين", "é_b-2"])
def test_each_hit_url_is_the_reversed_address(language, slug):
    with translation.override(language):
        product = _hit_url_maker("products")(42, slug)
        assert product == absolute_url(reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": 42}))
        if slug.isascii():  # an expert's slug is ASCII (the slug converter)
            expert = _hit_url_maker("experts")(7, slug)
            assert expert == absolute_url(reverse("experts:profile", kwargs={"slug": slug}))
