"""Fast seeding of the benchmark catalogue: N public physical products, each sold by one seller.

    DJANGO_SETTINGS_MODULE=benchmarks.commerce.settings python -m benchmarks.commerce.seed --products 10000

Rows are written with ``bulk_create`` in chunks (no model signals, no search indexing): one product
class with two attributes, 8 top-level categories of 6 sub-categories each (created once, through
treebeard), 5 sellers, and per product: one category, one image (all share one picture file, so
thumbnails are made once), two attribute values and one stock record priced to the millime with
stock that the checkout flows cannot exhaust. Calling it again with a larger N adds the missing
products only (10k → 100k). Prints ``PRODUCTS <json>``: a random sample of ``[pk, url path]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 5000
STOCK = 10_000_000
SELLERS = ("Dar Fakhar", "Nabeul Ceramics", "Medina Textiles", "Sahel Olive", "Djerba Crafts")
TOP_CATEGORIES = ("Maison", "Cuisine", "Mode", "Beauté", "Épicerie", "Artisanat", "Jardin", "Loisirs")
SUB_CATEGORIES = 6
IMAGE_NAME = "bench/product.jpg"


def setup_django():
    import os

    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.commerce.settings")
    import django

    django.setup()


def _chunks(items, size=CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _base_rows():
    """Product class, attributes, categories, sellers, shipping country and the shared picture."""
    from django.conf import settings
    from oscar.core.loading import get_model
    from PIL import Image

    ProductClass = get_model("catalogue", "ProductClass")
    ProductAttribute = get_model("catalogue", "ProductAttribute")
    Category = get_model("catalogue", "Category")
    Partner = get_model("partner", "Partner")
    Country = get_model("address", "Country")

    Country.objects.get_or_create(
        iso_3166_1_a2="TN",
        defaults={
            "iso_3166_1_a3": "TUN",
            "iso_3166_1_numeric": "788",
            "printable_name": "Tunisie",
            "name": "République tunisienne",
            "is_shipping_country": True,
        },
    )
    product_class, _ = ProductClass.objects.get_or_create(
        slug="physical", defaults={"name": "Physique", "requires_shipping": True, "track_stock": True}
    )
    attributes = [
        ProductAttribute.objects.get_or_create(
            product_class=product_class, code=code, defaults={"name": name, "type": kind}
        )[0]
        for code, name, kind in (("material", "Matière", "text"), ("weight", "Poids (kg)", "float"))
    ]
    if not Category.objects.exists():
        for top_index, name in enumerate(TOP_CATEGORIES):
            top = Category.add_root(name=name, slug=f"cat-{top_index}")
            for sub_index in range(SUB_CATEGORIES):
                top.add_child(name=f"{name} {sub_index + 1}", slug=f"cat-{top_index}-{sub_index}")
                top.refresh_from_db()
    leaves = list(Category.objects.filter(depth=2).order_by("path"))
    partners = []
    for index, name in enumerate(SELLERS):
        partner = Partner.objects.filter(code=f"bench-seller-{index}").first()
        if partner is None:
            partner = Partner.objects.create(code=f"bench-seller-{index}", name=name)
        partners.append(partner)

    picture = Path(settings.MEDIA_ROOT) / IMAGE_NAME
    if not picture.exists():
        picture.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (800, 800), (196, 120, 64)).save(picture, "JPEG", quality=80)
    return product_class, attributes, leaves, partners


def seed(total):
    """Bring the catalogue to ``total`` products; returns how many were added."""
    from django.db import connection, transaction
    from django.utils import translation
    from oscar.checks import use_productcategory_materialised_view
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    ProductImage = get_model("catalogue", "ProductImage")
    ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
    StockRecord = get_model("partner", "StockRecord")

    translation.activate("fr")
    product_class, (material, weight), leaves, partners = _base_rows()
    existing = Product.objects.count()
    if existing >= total:
        return 0
    rng = random.Random(existing)
    materials = ("argile", "olivier", "laine", "cuivre", "verre", "alfa", "coton", "cuir")
    for numbers in _chunks(range(existing, total)):
        with transaction.atomic():
            products = Product.objects.bulk_create(
                [
                    Product(
                        structure=Product.STANDALONE,
                        is_public=True,
                        upc=f"BENCH{number:08d}",
                        title=f"Article artisanal {number}",
                        title_fr=f"Article artisanal {number}",
                        slug=f"article-artisanal-{number}",
                        description=f"Pièce {number}, faite main en Tunisie.",
                        description_fr=f"Pièce {number}, faite main en Tunisie.",
                        product_class=product_class,
                        tax_class=Product.STANDARD,
                    )
                    for number in numbers
                ]
            )
            ProductCategory.objects.bulk_create(
                [ProductCategory(product=product, category=rng.choice(leaves)) for product in products]
            )
            ProductImage.objects.bulk_create(
                [
                    ProductImage(product=product, original=IMAGE_NAME, caption="", display_order=0)
                    for product in products
                ]
            )
            ProductAttributeValue.objects.bulk_create(
                [
                    value
                    for product in products
                    for value in (
                        ProductAttributeValue(
                            product=product, attribute=material, value_text=rng.choice(materials)
                        ),
                        ProductAttributeValue(
                            product=product, attribute=weight, value_float=round(rng.uniform(0.1, 9), 2)
                        ),
                    )
                ]
            )
            StockRecord.objects.bulk_create(
                [
                    StockRecord(
                        product=product,
                        partner=partners[product.pk % len(partners)],
                        partner_sku=f"SKU-{product.upc}",
                        price_currency="TND",
                        price=Decimal(rng.randrange(1_000, 400_000)) / 1000,
                        num_in_stock=STOCK,
                        num_allocated=0,
                    )
                    for product in products
                ]
            )
    if use_productcategory_materialised_view():
        with connection.cursor() as cursor:
            cursor.execute("REFRESH MATERIALIZED VIEW catalogue_product_category_hierarchy")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return total - existing


def sample(count, seed_value=7):
    """``[[pk, url path]]`` of random public products, for the load generator."""
    from django.utils import translation
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    ids = list(Product.objects.browsable().values_list("pk", flat=True))
    picks = random.Random(seed_value).sample(ids, min(count, len(ids)))
    with translation.override("fr"):
        return [[product.pk, product.get_absolute_url()] for product in Product.objects.filter(pk__in=picks)]


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, required=True)
    parser.add_argument("--sample", type=int, default=500)
    options = parser.parse_args(argv)
    setup_django()
    started = time.perf_counter()
    added = seed(options.products)
    print(f"[seed] {added} products added in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print("PRODUCTS " + json.dumps(sample(options.sample)))


if __name__ == "__main__":
    main()
