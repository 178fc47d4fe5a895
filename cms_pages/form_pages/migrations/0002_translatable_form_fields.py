"""Form fields become translatable with their page: each gets a translation key and its page's locale."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_each_field_its_page_locale(apps, schema_editor):
    # Plain values: a historical FormPage cannot be instantiated (Wagtail's form __init__ reads
    # a class attribute that historical models do not carry).
    FormField = apps.get_model("form_pages", "FormField")
    for pk, locale_id in FormField.objects.values_list("pk", "page__locale_id"):
        FormField.objects.filter(pk=pk).update(translation_key=uuid.uuid4(), locale_id=locale_id)


class Migration(migrations.Migration):
    dependencies = [
        ("form_pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="formfield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="formfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(give_each_field_its_page_locale, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="formfield",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="formfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="formfield",
            unique_together={("translation_key", "locale")},
        ),
    ]
