# Shop profile on Oscar's partner (slug filled from the existing code) and low-stock alerts that
# remember when the seller was told. Constraints follow in 0011, in their own transaction
# (PostgreSQL refuses ALTER TABLE on a table with pending updates from the same transaction).

from django.db import migrations, models
from django.db.models import Count, Max, Q

import commerce.partner.models


def fill_slugs(apps, schema_editor):
    """Existing shops keep their code as their public slug (codes are unique slugs already)."""
    Partner = apps.get_model("partner", "Partner")
    taken = set()
    for partner in Partner.objects.order_by("pk"):
        base = (partner.code or f"shop-{partner.pk}")[:120]
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        Partner.objects.filter(pk=partner.pk).update(slug=slug)


def close_duplicate_open_alerts(apps, schema_editor):
    """Keep only the newest open alert of each stock record before the unique index is built."""
    StockAlert = apps.get_model("partner", "StockAlert")
    duplicated = (
        StockAlert.objects.filter(status="Open")
        .values("stockrecord")
        .annotate(count=Count("pk"), newest=Max("pk"))
        .filter(count__gt=1)
    )
    for group in duplicated:
        StockAlert.objects.filter(stockrecord=group["stockrecord"], status="Open").exclude(
            pk=group["newest"]
        ).update(status="Closed")


class Migration(migrations.Migration):
    dependencies = [
        ("partner", "0009_stock_constraints_and_movements"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="slug",
            field=models.SlugField(max_length=128, null=True, verbose_name="slug"),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AddField(
            model_name="partner",
            name="commission_rate",
            field=models.DecimalField(
                decimal_places=4,
                default=commerce.partner.models.default_commission_rate,
                max_digits=5,
                verbose_name="commission rate",
            ),
        ),
        migrations.AddField(
            model_name="partner",
            name="contact_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="contact email"),
        ),
        migrations.AddField(
            model_name="partner",
            name="description",
            field=models.TextField(blank=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="partner",
            name="facebook_url",
            field=models.URLField(blank=True, verbose_name="Facebook page"),
        ),
        migrations.AddField(
            model_name="partner",
            name="instagram_url",
            field=models.URLField(blank=True, verbose_name="Instagram account"),
        ),
        migrations.AddField(
            model_name="partner",
            name="logo",
            field=models.ImageField(
                blank=True, max_length=255, upload_to="shops/logos/", verbose_name="logo"
            ),
        ),
        migrations.AddField(
            model_name="partner",
            name="refund_policy",
            field=models.TextField(blank=True, verbose_name="refund policy"),
        ),
        migrations.AddField(
            model_name="partner",
            name="terms_of_sale",
            field=models.TextField(blank=True, verbose_name="terms of sale"),
        ),
        migrations.AddField(
            model_name="partner",
            name="tiktok_url",
            field=models.URLField(blank=True, verbose_name="TikTok account"),
        ),
        migrations.AddField(
            model_name="partner",
            name="website_url",
            field=models.URLField(blank=True, verbose_name="website"),
        ),
        migrations.AddField(
            model_name="stockalert",
            name="notified_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="seller notified at"),
        ),
        migrations.RunPython(close_duplicate_open_alerts, migrations.RunPython.noop),
    ]
