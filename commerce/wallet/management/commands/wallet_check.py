"""``manage.py wallet_check``: reconcile the coin ledger; exits 1 on any violation."""

import sys

from django.core.management.base import BaseCommand

from commerce.wallet.selectors import reconcile


class Command(BaseCommand):
    help = (
        "Check the coin ledger: every transaction balances, every cached balance equals the sum of its "
        "entries, every hold resolved at most once with matching entries, no wallet negative."
    )

    def handle(self, *args, **options):
        report = reconcile()
        for violation in report.violations:
            self.stderr.write(violation)
        self.stdout.write(report.summary())
        if not report.ok:
            sys.exit(1)
