"""Existing catalogue texts were written in French: copy them into the new French columns."""

from django.db import migrations

FIELDS = {
    "Product": ("title", "description", "meta_title", "meta_description"),
    "Category": ("name", "description", "meta_title", "meta_description"),
    "ProductClass": ("name",),
    "ProductAttribute": ("name",),
}


def copy_to_french(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("catalogue", model_name)
        for obj in model.objects.all().only("pk", *fields):
            updates = {f"{field}_fr": getattr(obj, field) for field in fields}
            model.objects.filter(pk=obj.pk).update(**updates)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_translated_texts_and_vat_class")]

    operations = [migrations.RunPython(copy_to_french, migrations.RunPython.noop)]
