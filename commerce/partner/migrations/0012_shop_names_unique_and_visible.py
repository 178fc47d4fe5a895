# Shop names: no control characters, and unique ignoring case, accents and invisible characters
# (``name_key``, filled here for existing shops; a later look-alike keeps its key with " #<id>" so
# the constraint holds, and must be renamed the next time it is edited).

from django.db import migrations, models

import commerce.core.validation


def fill_name_keys(apps, schema_editor):
    Partner = apps.get_model("partner", "Partner")
    taken = set()
    for partner in Partner.objects.order_by("pk").only("pk", "name"):
        key = commerce.core.validation.name_key(partner.name)
        if key in taken:
            key = f"{key} #{partner.pk}"
        taken.add(key)
        Partner.objects.filter(pk=partner.pk).update(name_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("partner", "0011_shop_profile_constraints"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="name_key",
            field=models.CharField(blank=True, editable=False, max_length=128, verbose_name="name key"),
        ),
        migrations.AlterField(
            model_name="partner",
            name="name",
            field=models.CharField(
                blank=True,
                db_index=True,
                max_length=128,
                validators=[commerce.core.validation.validate_name_characters],
                verbose_name="Name",
            ),
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="partner",
            constraint=models.UniqueConstraint(
                condition=models.Q(("name_key", ""), _negated=True),
                fields=("name_key",),
                name="partner_partner_unique_name_key",
            ),
        ),
    ]
