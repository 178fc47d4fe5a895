"""The ceiling's data: plain rows with a balance, moved by one ORM transfer (no ledger, no checks)."""

from django.db import models


class BenchRow(models.Model):
    """Created by ``seed.py`` with the schema editor (a benchmark-only table, no migration)."""

    balance = models.BigIntegerField(default=0)

    class Meta:
        app_label = "bench_wallet"
        managed = False
        db_table = "bench_wallet_row"

    def __str__(self):
        return f"row {self.pk}: {self.balance}"
