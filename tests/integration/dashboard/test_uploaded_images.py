"""Uploaded images are limited in bytes and pixels before they are decoded, and what is stored is a
re-encoded copy without metadata: a 17 KB PNG of 12000×12000 pixels is no longer a shop logo."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_class
from PIL import Image

from tests.factories.sellers import make_seller, make_shop

pytestmark = pytest.mark.usefixtures("english")

ProductImageForm = get_class("dashboard.catalogue.forms", "ProductImageForm")

#: Exif tag of the GPS block, and of the orientation a camera records.
GPS_INFO, ORIENTATION = 0x8825, 0x0112


def png(width, height, noisy=False):
    """A PNG of one flat colour (tiny in bytes whatever its size in pixels) or of noise (not tiny)."""
    image = Image.effect_noise((width, height), 64) if noisy else Image.new("1", (width, height))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


def camera_jpeg():
    """A 40×20 JPEG that a camera took sideways (orientation 6) at a GPS position."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[GPS_INFO] = {1: "N", 2: (36.0, 48.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "orange").save(out, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")


def profile_data(shop, logo):
    return {"name": shop.name, "slug": shop.slug, "logo": logo}


@pytest.fixture
def shop_and_seller(db):
    shop = make_shop("Dar Nabeul")
    return shop, make_seller(shop, "leila@example.com")


@pytest.mark.django_db
@pytest.mark.parametrize(("size", "max_pixels"), [((12000, 12000), 24_000_000), ((1200, 1000), 1_000_000)])
def test_a_logo_with_too_many_pixels_is_refused_before_it_is_decoded(
    client, settings, shop_and_seller, size, max_pixels
):
    # given: a tiny file declaring a canvas larger than the limit (far past it, or just past it)
    settings.UPLOADS_IMAGE_MAX_PIXELS = max_pixels
    shop, seller = shop_and_seller
    client.force_login(seller)
    logo = png(*size)
    assert logo.size < 100_000

    # when
    response = client.post("/dashboard/shop/profile/", profile_data(shop, logo))

    # then: the form says why and nothing is stored
    assert response.status_code == 200
    assert "too many pixels" in str(response.context["form"].errors["logo"])
    shop.refresh_from_db()
    assert not shop.logo


@pytest.mark.django_db
def test_a_logo_is_stored_upright_and_without_its_metadata(client, shop_and_seller):
    # given
    shop, seller = shop_and_seller
    client.force_login(seller)

    # when: a sideways camera photo with a GPS position is uploaded
    response = client.post("/dashboard/shop/profile/", profile_data(shop, camera_jpeg()))

    # then: the stored logo is a JPEG turned upright, with no Exif left
    assert response.status_code == 302
    shop.refresh_from_db()
    with Image.open(shop.logo.open("rb")) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (20, 40)
        assert not stored.getexif()


def product_image_form(image):
    """Oscar's product image form as the product page's formset posts it (first row)."""
    return ProductImageForm(
        prefix="images-0", data={"images-0-display_order": "0"}, files={"images-0-original": image}
    )


@pytest.mark.django_db
def test_a_product_image_with_too_many_pixels_is_refused(settings):
    # given
    settings.UPLOADS_IMAGE_MAX_PIXELS = 1_000_000

    # when
    form = product_image_form(png(1200, 1000))

    # then
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["original"]] == ["too_many_pixels"]


@pytest.mark.django_db
def test_a_product_image_larger_than_the_byte_limit_is_refused(settings):
    # given
    settings.UPLOADS_IMAGE_MAX_BYTES = 1_000

    # when: an image of a few kilobytes
    form = product_image_form(png(300, 300, noisy=True))

    # then
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["original"]] == ["file_too_large"]
