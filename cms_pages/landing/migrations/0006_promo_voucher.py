"""Promo pages point at their voucher (chosen or created from the page) instead of holding a typed code."""

import django.db.models.deletion
from django.db import migrations, models


def link_vouchers_by_code(apps, schema_editor):
    PromoPage = apps.get_model("landing", "PromoPage")
    Voucher = apps.get_model("voucher", "Voucher")
    for page in PromoPage.objects.exclude(voucher_code=""):
        voucher = Voucher.objects.filter(code__iexact=page.voucher_code.strip()).first()
        if voucher is not None:
            PromoPage.objects.filter(pk=page.pk).update(voucher=voucher)


class Migration(migrations.Migration):
    dependencies = [
        ("landing", "0005_blocks_with_alt_texts_and_commission"),
        ("voucher", "0011_amounts_in_millimes"),
    ]

    operations = [
        migrations.AddField(
            model_name="promopage",
            name="voucher",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose a running voucher or create one here; shoppers copy its code at checkout.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="voucher.voucher",
                verbose_name="voucher",
            ),
        ),
        migrations.RunPython(link_vouchers_by_code, migrations.RunPython.noop),
        migrations.RemoveField(model_name="promopage", name="voucher_code"),
    ]
