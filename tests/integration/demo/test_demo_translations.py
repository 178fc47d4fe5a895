"""The demo site reads in the shopper's language: product pages, and the home page's pictures."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.html import escape
from oscar.core.loading import get_model

from commerce.demo.catalogue_data import PRODUCTS, SHOPS_BY_CODE, upc_for
from commerce.demo.pages_data import HOME_TEXTS

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")

COUSCOUS_DISH = PRODUCTS[0]  # a parent with size and colour variants


def seed(*args):
    call_command("seed_demo", *args, stdout=StringIO())


def demo_product(spec):
    return Product.objects.get(upc=upc_for(SHOPS_BY_CODE[spec.shop], spec.number))


def product_page(client, product, language):
    with translation.override(language):
        url = product.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


#: What the couscous dish's page shows in each language, and French texts it must not show (the
#: shop's name, shown as the seller, is a name and stays as its owner wrote it).
PAGE_TEXTS = {
    "ar": (
        [
            "صحن كسكسي من خزف نابل",  # title
            "يُغسل في آلة غسل الأواني",  # description
            "الخزف",  # category
            "منتج مادي",  # product class
            "الخيار",  # the variant field, once mistranslated as "متنوع"
            "المقاس: 28 سم",  # variant label: attribute names and options
            "اللون: أزرق كوبالتي",
            'alt="صحن كسكسي من خزف نابل"',  # picture
        ],
        ["Plat à couscous", ">Céramique<", "Bleu cobalt", "Physical", "متنوع"],
    ),
    "en": (
        [
            "Nabeul ceramic couscous dish",
            "Lead-free glaze, dishwasher safe.",
            "Ceramics",
            "Physical product",
            "Size: 28 cm",
            "Colour: Cobalt blue",
            'alt="Nabeul ceramic couscous dish"',
        ],
        ["Plat à couscous", ">Céramique<", "Bleu cobalt"],
    ),
    "fr": (
        [
            "Plat à couscous en céramique de Nabeul",
            "Produit physique",
            "Taille: 28 cm",
            "Couleur: Bleu cobalt",
        ],
        ["Physical", "Cobalt blue"],
    ),
}


@pytest.mark.django_db
def test_a_demo_product_page_reads_in_the_shopper_language(client, seeded_demo):
    # given: the demo
    dish = demo_product(COUSCOUS_DISH)
    for language, (expected, left_out) in PAGE_TEXTS.items():
        # when
        html = product_page(client, dish, language)
        # then
        assert [text for text in expected if text not in html] == [], language
        assert [text for text in left_out if text in html] == [], language


@pytest.mark.django_db
def test_seeding_again_adds_missing_translations_and_keeps_edited_ones(seeded_demo):
    # given: an older demo database, seeded before the catalogue had English and Arabic texts
    dish = demo_product(COUSCOUS_DISH)
    Product.objects.filter(pk=dish.pk).update(title_en=None, title_ar=None, description_ar=None)
    Category.objects.filter(name_fr="Céramique").update(name_en=None, name_ar=None)
    # ... and a seller's own English title on another product
    plates = demo_product(PRODUCTS[1])
    Product.objects.filter(pk=plates.pk).update(title_en="Six painted plates")
    # when
    seed("--no-images")
    # then
    dish.refresh_from_db()
    assert (dish.title_en, dish.title_ar) == ("Nabeul ceramic couscous dish", "صحن كسكسي من خزف نابل")
    assert "آلة غسل الأواني" in dish.description_ar
    ceramics = Category.objects.get(name_fr="Céramique")
    assert (ceramics.name_en, ceramics.name_ar) == ("Ceramics", "الخزف")
    plates.refresh_from_db()
    assert plates.title_en == "Six painted plates"


@pytest.mark.django_db
def test_home_page_pictures_are_described_in_the_page_language(client, seeded_demo):
    # given: the demo
    for language, texts in HOME_TEXTS.items():
        # when
        html = client.get(f"/{language}/").content.decode()
        # then: the pictures are shared, their alternative texts are the page's own
        market_alt = next(value for kind, value in texts.body if kind == "image")
        assert f'alt="{escape(texts.hero_image_alt)}"' in html, language
        assert f'alt="{escape(market_alt)}"' in html, language
