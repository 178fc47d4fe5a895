"""``ProductRanking`` (sales data) now belongs to ``commerce.analytics``: only Django's state moves,
the table and its rows stay (analytics' ``0005_product_ranking`` takes the model over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cms_core", "0002_batched_choosers")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ProductRanking")],
            database_operations=[],
        )
    ]
