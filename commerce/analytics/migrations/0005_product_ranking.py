"""``ProductRanking`` moves here from the CMS app: state only, its table ``cms_core_productranking``
and its rows are kept as they are."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0004_amounts_in_millimes"),
        ("cms_core", "0003_product_ranking_moves_to_analytics"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ProductRanking",
                    fields=[
                        ("id", models.AutoField(primary_key=True, serialize=False)),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("best_sellers", "Best-sellers"),
                                    ("bought_together", "Often bought together"),
                                ],
                                max_length=32,
                            ),
                        ),
                        ("anchor_id", models.PositiveIntegerField(default=0)),
                        ("product_ids", models.JSONField(default=list)),
                        ("computed_at", models.DateTimeField()),
                    ],
                    options={
                        "verbose_name": "product ranking",
                        "db_table": "cms_core_productranking",
                        "constraints": [
                            models.UniqueConstraint(fields=("kind", "anchor_id"), name="product_ranking_unique")
                        ],
                    },
                )
            ],
            database_operations=[],
        )
    ]
