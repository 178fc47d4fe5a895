"""A shop's description in each site language; existing descriptions were written in French."""

from django.db import migrations, models


def copy_to_french(apps, schema_editor):
    apps.get_model("partner", "Partner").objects.update(description_fr=models.F("description"))


class Migration(migrations.Migration):
    dependencies = [("partner", "0012_shop_names_unique_and_visible")]

    operations = [
        *[
            migrations.AddField(
                model_name="partner",
                name=f"description_{code}",
                field=models.TextField(blank=True, null=True, verbose_name="description"),
            )
            for code in ("ar", "en", "fr")
        ],
        migrations.RunPython(copy_to_french, migrations.RunPython.noop),
    ]
