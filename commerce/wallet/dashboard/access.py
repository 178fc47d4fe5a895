"""Who may open the wallet's dashboard pages: the ledger's books are for platform admins only
(sellers and every other role are refused); goodwill credits are granted by Support too.

These pages sit under ``/dashboard/wallet/`` beside Oscar's dashboard but outside its
``partner.dashboard_access`` gate, which Support does not pass (that gate would show them every
shop's data); each view checks its own rule here instead.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from commerce.users.roles import PLATFORM_ADMINS, SUPPORT

BOOKKEEPERS = (PLATFORM_ADMINS,)
GRANTORS = (PLATFORM_ADMINS, SUPPORT)


def in_roles(user, roles):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name__in=roles).exists()


def roles_required(roles):
    """The view for signed-in members of ``roles``: others are sent to sign in (visitors) or refused (403)."""

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), "dashboard-login")
            if not in_roles(request.user, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorate


bookkeepers_only = roles_required(BOOKKEEPERS)
grantors_only = roles_required(GRANTORS)


def sees_books(user, url_name=None, url_args=None, url_kwargs=None):
    """Dashboard menu rule (Oscar's ``access_fn``) of the ledger's pages."""
    return in_roles(user, BOOKKEEPERS)


def grants_goodwill(user, url_name=None, url_args=None, url_kwargs=None):
    """Dashboard menu rule of the goodwill form (and of the "Wallet" heading)."""
    return in_roles(user, GRANTORS)
