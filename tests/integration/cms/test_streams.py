"""A page body loads the images its blocks choose in one query, whatever the blocks holding them."""

import pytest

from cms_pages.landing.models import LandingPage
from tests.factories.pages import add_page, stream

from .rich_pages import make_image


@pytest.mark.django_db
def test_every_image_of_a_body_comes_from_one_query_each_block_with_its_own_instance(
    fr_home, django_assert_num_queries
):
    # given: the same image in a hero and an image block, others in a gallery and a video, one deleted
    first, second, gone = (make_image(f"photo-{number}") for number in range(3))
    gone_id = gone.pk
    gone.delete()
    page = add_page(
        fr_home,
        LandingPage,
        title="Galerie",
        slug="galerie",
        body=stream(
            ("hero", {"headline": "Souk", "image": first.pk}),
            ("image", {"image": first.pk}),
            ("gallery", {"images": [{"image": second.pk}, {"image": gone_id}]}),
            ("video", {"url": "https://youtu.be/aqz-KE-bpKQ", "title": "Souk", "poster": second.pk}),
        ),
    )
    page = LandingPage.objects.get(pk=page.pk)
    # when
    with django_assert_num_queries(1):
        hero, image, gallery, video = (block.value for block in page.body)
    # then
    assert hero["image"] == image["image"] == first
    assert hero["image"] is not image["image"]  # as Wagtail: one instance per occurrence
    assert [figure["image"] for figure in gallery["images"]] == [second, None]
    assert video["poster"] == second
