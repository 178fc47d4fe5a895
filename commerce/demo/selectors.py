"""Reads about the demo data, for commands that only report on it."""

from oscar.core.loading import get_model

from commerce.users.models import User

from .accounts_data import ACCOUNTS


def demo_accounts_present():
    """Each demo account with whether its user exists in this database (case-insensitive email)."""
    existing = {email.lower() for email in User.objects.values_list("email", flat=True)}
    return [(account, account.email.lower() in existing) for account in ACCOUNTS]


def catalogue_has_products():
    return get_model("catalogue", "Product").objects.exists()
