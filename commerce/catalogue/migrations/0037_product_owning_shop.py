"""Products name their shop; existing ones get the one shop their stock records (or their variants')
belong to. A product stocked by several shops, or by none, is left without one (the platform's)."""

from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models


def name_owners_from_stock_records(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    StockRecord = apps.get_model("partner", "StockRecord")
    shops = defaultdict(set)
    for product_id, parent_id, partner_id in StockRecord.objects.values_list(
        "product_id", "product__parent_id", "partner_id"
    ):
        shops[product_id].add(partner_id)
        if parent_id:
            shops[parent_id].add(partner_id)
    products_of = defaultdict(list)
    for product_id, partners in shops.items():
        if len(partners) == 1:
            products_of[partners.pop()].append(product_id)
    for partner_id, product_ids in products_of.items():
        Product.objects.filter(pk__in=product_ids, partner__isnull=True).update(partner_id=partner_id)
    # Variants without stock records of their own belong to their parent's shop.
    parent_shop = Product.objects.filter(pk=models.OuterRef("parent_id")).values("partner_id")[:1]
    Product.objects.filter(parent__isnull=False, partner__isnull=True).update(
        partner_id=models.Subquery(parent_shop)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0036_translated_options_and_image_captions"),
        ("partner", "0013_translated_shop_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="partner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="products",
                to="partner.partner",
                verbose_name="shop",
            ),
        ),
        migrations.RunPython(name_owners_from_stock_records, migrations.RunPython.noop),
    ]
