"""``manage.py seed_demo``: fill an empty (or already seeded) database with the demo marketplace."""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand

from commerce.demo.selectors import catalogue_has_products, demo_accounts_present
from commerce.demo.services import Login, seed_demo

URLS = (
    ("Storefront (fr)", "/fr/"),
    ("Storefront (en)", "/en/"),
    ("Storefront (ar)", "/ar/"),
    ("Catalogue", "/fr/catalogue/"),
    ("Sign in", "/fr/accounts/login/"),
    ("Seller dashboard", "/dashboard/"),
    ("CMS (Wagtail)", "/cms/"),
    ("Django admin", "/django-admin/"),
)
#: Libraries that log one line per saved row; shown only with ``-v 2``.
CHATTY_LOGGERS = ("oscar.alerts", "django_tasks", "wagtail")


@contextmanager
def quiet_loggers(names, enabled):
    """Raise these loggers to WARNING for the duration, then restore their levels."""
    loggers = [logging.getLogger(name) for name in names] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Create demo sellers, products, role users and the fr/en/ar home pages. "
        "Safe to run again: existing rows are kept as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-images", action="store_true", help="Skip drawing product pictures.")
        parser.add_argument(
            "--logins-only",
            action="store_true",
            help="Seed nothing; print the demo logins (accounts not seeded yet are flagged).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Seed only a database with no products yet; otherwise just print the demo logins.",
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set the demo accounts that already exist back to their printed passwords.",
        )

    def handle(self, *args, **options):
        if options["logins_only"] or (options["if_empty"] and catalogue_has_products()):
            self._logins_only()
            return
        started = time.perf_counter()
        with quiet_loggers(CHATTY_LOGGERS, enabled=options["verbosity"] < 2):
            report = seed_demo(
                with_images=not options["no_images"], reset_passwords=options["reset_passwords"]
            )
        elapsed = time.perf_counter() - started

        self.stdout.write(self.style.SUCCESS(f"Demo marketplace ready in {elapsed:.1f} s."))
        self._counts(report)
        self._logins(report)
        self._urls()
        for note in report.notes:
            self.stdout.write(f"Note: {note}")

    def _counts(self, report):
        self.stdout.write("")
        self.stdout.write(f"{'Rows':<20} {'created':>8} {'existing':>9}")
        for kind, counter in report.counts.items():
            self.stdout.write(f"{kind:<20} {counter['created']:>8} {counter['existing']:>9}")

    def _logins(self, report):
        rows = [(login, "" if login.created or login.password_reset else " *") for login in report.logins]
        self._logins_table(rows)
        if any(marker for _, marker in rows):
            self.stdout.write(
                "* account existed: its password was left as is (--reset-passwords restores it)"
            )

    def _logins_only(self):
        rows = [
            (
                Login(account.label, account.email, account.password, created=False),
                "" if present else " (missing)",
            )
            for account, present in demo_accounts_present()
        ]
        self._logins_table(rows)
        if any(marker for _, marker in rows):
            self.stdout.write("(missing): not seeded yet, run seed_demo")

    def _logins_table(self, rows):
        """``rows`` are (login, marker printed after the password)."""
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo logins"))
        width = max(len(login.email) for login, _ in rows)
        self.stdout.write(f"{'Role':<26} {'Email':<{width}}  Password")
        for login, marker in rows:
            self.stdout.write(f"{login.label:<26} {login.email:<{width}}  {login.password}{marker}")

    def _urls(self):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Main URLs"))
        for label, path in URLS:
            self.stdout.write(f"{label:<20} {base}{path}")
