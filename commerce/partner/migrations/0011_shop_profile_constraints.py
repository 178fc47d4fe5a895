# Constraints of 0010's data: unique shop slugs, a commission between 0 and 1, and at most one open
# low-stock alert per stock record.

from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [
        ("partner", "0010_shop_profile_and_alert_notices"),
    ]

    operations = [
        migrations.AlterField(
            model_name="partner",
            name="slug",
            field=models.SlugField(max_length=128, unique=True, verbose_name="slug"),
        ),
        migrations.AddConstraint(
            model_name="partner",
            constraint=models.CheckConstraint(
                condition=Q(commission_rate__gte=0, commission_rate__lte=1),
                name="partner_partner_commission_rate_between_0_and_1",
            ),
        ),
        migrations.AddConstraint(
            model_name="stockalert",
            constraint=models.UniqueConstraint(
                condition=Q(status="Open"),
                fields=("stockrecord",),
                name="partner_stockalert_one_open_per_stockrecord",
            ),
        ),
    ]
