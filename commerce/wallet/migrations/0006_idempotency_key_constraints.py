"""Holds' and transactions' idempotency keys unique by a constraint instead of ``unique=True``.

``unique=True`` on a ``CharField`` also gives PostgreSQL a second index (``varchar_pattern_ops``,
for ``LIKE 'prefix%'``) that nothing reads: keys are looked up whole, the admin's search is
``icontains``. Each hold and each transaction wrote both indexes. The constraint keeps the one
unique index, which ``ON CONFLICT (idempotency_key)`` in ``wallet_hold`` and ``wallet_post`` infers.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('wallet', '0005_platform_account_parts'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='hold',
            name='idempotency_key',
            field=models.CharField(max_length=200, verbose_name='idempotency key'),
        ),
        migrations.AlterField(
            model_name='transaction',
            name='idempotency_key',
            field=models.CharField(max_length=200, verbose_name='idempotency key'),
        ),
        migrations.AddConstraint(
            model_name='hold',
            constraint=models.UniqueConstraint(fields=('idempotency_key',), name='wallet_hold_key_unique'),
        ),
        migrations.AddConstraint(
            model_name='transaction',
            constraint=models.UniqueConstraint(fields=('idempotency_key',), name='wallet_transaction_key_unique'),
        ),
    ]
