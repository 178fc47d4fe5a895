"""Seed the demo marketplace: every step creates what is missing and leaves what exists alone.

Each row is found by its natural key before anything is created (users by email, partners by code,
product classes by slug, products by UPC, stock records by partner SKU, pages by locale), so a second
run creates nothing and never overwrites what someone edited since. Nothing is deleted except
Wagtail's "Welcome to your new Wagtail site!" placeholder, which the French home page replaces.
"""

from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import transaction
from django.utils import translation
from oscar.core.loading import get_model

from commerce.users.models import User
from commerce.users.roles import add_to_role, sync_roles
from search.tasks import index_experts, index_products

from .accounts_data import ACCOUNTS
from .bookings import seed_bookings
from .catalogue import seed_catalogue, seed_product_classes
from .catalogue_data import SHOPS, SOURCE_LANGUAGE
from .cms_pages_seed import seed_cms_pages
from .conversations import seed_conversations
from .experts import seed_experts
from .home_pages import seed_home_pages

Country = get_model("address", "Country")
Partner = get_model("partner", "Partner")


@dataclass
class Login:
    label: str
    email: str
    password: str
    created: bool
    password_reset: bool = False


@dataclass
class SeedReport:
    """What a run created and found, and the demo logins, for the command to print."""

    counts: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    logins: list[Login] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Parent and standalone products that gained a row in this run, to re-index after commit.
    changed_product_ids: set[int] = field(default_factory=set)
    #: Experts created in this run, to index after commit.
    changed_expert_ids: set[int] = field(default_factory=set)

    def tally(self, kind, created):
        self.counts[kind]["created" if created else "existing"] += 1

    @property
    def created_total(self):
        return sum(counter["created"] for counter in self.counts.values())


def seed_demo(*, with_images=True, reset_passwords=False):
    """Create the whole demo marketplace in one transaction; returns a ``SeedReport``."""
    report = SeedReport()
    # Natural keys such as category names are French, and modeltranslation reads and filters in the
    # active language: seed in French whatever language the caller had active.
    with _search_signals_paused(), translation.override(SOURCE_LANGUAGE), transaction.atomic():
        sync_roles()
        seed_shipping_country(report)
        partners = seed_partners(report)
        seed_accounts(report, partners, reset_passwords=reset_passwords)
        classes = seed_product_classes(report)
        seed_catalogue(report, partners, classes, with_images=with_images)
        seed_experts(report)
        seed_conversations(report, partners)
        seed_bookings(report)
        seed_home_pages(report)
        seed_cms_pages(report)
        transaction.on_commit(lambda: _reindex(report))
    return report


@contextmanager
def _search_signals_paused():
    """Stop per-save index updates while seeding: one bulk update after commit replaces ~150 of them."""
    processor = apps.get_app_config("django_elasticsearch_dsl").signal_processor
    processor.teardown()
    try:
        yield
    finally:
        processor.setup()


def _reindex(report):
    """Index the products and experts this run touched; pages browse without the index, so never fail."""
    try:
        if report.changed_product_ids:
            index_products.delay(sorted(report.changed_product_ids))
        if report.changed_expert_ids:
            index_experts.delay(sorted(report.changed_expert_ids))
    except Exception as exc:  # broker or search server down: report it, the data is committed
        report.notes.append(
            f"Search index not updated ({exc.__class__.__name__}: is the search server running?). "
            "Once it is, run: manage.py search_index --rebuild -f"
        )


# --- Sellers and accounts -----------------------------------------------------------------------


def seed_shipping_country(report):
    """Tunisia, the one country the demo shops deliver to (checkout lists shipping countries only)."""
    _, created = Country.objects.get_or_create(
        iso_3166_1_a2="TN",
        defaults={
            "iso_3166_1_a3": "TUN",
            "iso_3166_1_numeric": "788",
            "printable_name": "Tunisie",
            "name": "République tunisienne",
            "is_shipping_country": True,
        },
    )
    report.tally("shipping countries", created)


def seed_partners(report):
    """One Oscar partner per shop, keyed on its code; returns them by code."""
    partners = {}
    for shop in SHOPS:
        partner, created = Partner.objects.get_or_create(code=shop.code, defaults={"name": shop.name})
        report.tally("partners", created)
        partners[shop.code] = partner
    return partners


def seed_accounts(report, partners, *, reset_passwords=False):
    """Demo users with their role group, verified email and (for sellers) their partner.

    An existing account keeps its password unless ``reset_passwords``; groups, staff flags, the
    verified address and the partner link are only ever added, never taken away.
    """
    for account in ACCOUNTS:
        user = User.objects.filter(email__iexact=account.email).first()
        created = user is None
        if created:
            user = User.objects.create_user(
                account.email,
                account.password,
                first_name=account.first_name,
                last_name=account.last_name,
            )
        elif reset_passwords:
            user.set_password(account.password)
        promote = (account.is_staff and not user.is_staff) or (account.is_superuser and not user.is_superuser)
        if created or promote or reset_passwords:
            user.is_staff = user.is_staff or account.is_staff
            user.is_superuser = user.is_superuser or account.is_superuser
            user.save()
        add_to_role(user, account.role)
        _verify_email(user)
        if account.shop:
            partners[account.shop].users.add(user)
        report.tally("users", created)
        report.logins.append(
            Login(account.label, account.email, account.password, created, reset_passwords and not created)
        )


def _verify_email(user):
    """Mark the login address verified so the account works where verification is mandatory."""
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        has_primary = EmailAddress.objects.filter(user=user, primary=True).exists()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=not has_primary)
    elif not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
