"""Who may open the subscriptions dashboard: platform staff with the view permission (every shop)
and sellers (their shop's plans only, ``selectors.visible_to``). Advancing a test clock is for
platform admins, in offline test mode only."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

VIEW_ALL = "subscriptions.view_subscription"


def sees_subscriptions(user, url_name=None, url_args=None, url_kwargs=None):
    """Dashboard menu rule (Oscar's ``access_fn``) and the pages' own check."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.has_perm(VIEW_ALL) or user.partners.exists()


def advances_clocks(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("subscriptions.change_subscription"))


def subscriptions_viewers_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "dashboard-login")
        if not sees_subscriptions(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
