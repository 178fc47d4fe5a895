"""Who sees the bookings dashboard: platform admins (every booking), and the users of a shop (their
shops' bookings). Kept free of model imports: the dashboard menu imports it."""

from commerce.wallet.dashboard.access import BOOKKEEPERS, in_roles


def sees_all(user):
    return in_roles(user, BOOKKEEPERS)


def sees_bookings(user, url_name=None, url_args=None, url_kwargs=None):
    """Also Oscar's menu ``access_fn``."""
    return user.is_authenticated and (sees_all(user) or user.partners.exists())
