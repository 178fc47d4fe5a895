# First and last names refuse control and format characters (bidi overrides …); no schema change.

from django.db import migrations, models

import commerce.core.validation


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="first_name",
            field=models.CharField(
                blank=True,
                max_length=255,
                validators=[commerce.core.validation.validate_name_characters],
                verbose_name="First name",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="last_name",
            field=models.CharField(
                blank=True,
                max_length=255,
                validators=[commerce.core.validation.validate_name_characters],
                verbose_name="Last name",
            ),
        ),
    ]
