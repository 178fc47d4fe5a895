"""Account rules applied to every request: a second factor where required, and no sign-in loops."""

import functools
from urllib.parse import urlsplit

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language, get_language_from_path, override
from django.utils.translation import gettext as _

from .selectors import requires_mfa

#: Paths a user who must enrol may still reach: to enrol (allauth asks for the password again after
#: a few minutes), or to sign out.
EXEMPT_URL_NAMES = (
    "mfa_index",
    "mfa_activate_totp",
    "mfa_generate_recovery_codes",
    "account_reauthenticate",
    "mfa_reauthenticate",
    "account_logout",
)
#: Session key: the pk of the signed-in user whose roles were found to require a second factor (or
#: not), so a shopper's requests cost no query; a new sign-in starts a new session and asks again.
MFA_REQUIRED_SESSION_KEY = "users.mfa_required"


class RequireMFAMiddleware:
    """Sends a signed-in user who must use a second factor, and has none, to TOTP enrolment.

    Who must is ``selectors.requires_mfa``: staff, sellers, experts and the back-office roles, who
    all see other people's data or money.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.USERS_REQUIRE_MFA and self._must_enrol(request):
            messages.warning(
                request,
                _("Your account must be protected by two-factor authentication: please turn it on first."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_enrol(self, request):
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated):
            return False
        path = request.path_info
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return False
        if path in exempt_paths(get_language()):
            return False
        return self._requires_mfa(request, user) and not is_mfa_enabled(user)

    @staticmethod
    def _requires_mfa(request, user):
        known = request.session.get(MFA_REQUIRED_SESSION_KEY)
        if known is None or known[0] != user.pk:
            known = (user.pk, requires_mfa(user))
            request.session[MFA_REQUIRED_SESSION_KEY] = known
        return known[1]


@functools.cache
def exempt_paths(language):
    """The exempt pages' paths in ``language`` (account pages carry the language prefix)."""
    with override(language):
        return frozenset(reverse(name) for name in EXEMPT_URL_NAMES)


#: The sign-in page and the back-office entry points that hand over to it.
SIGN_IN_URL_NAMES = ("account_login", "cms-login", "dashboard-login")


class RefuseSignedInUsersMiddleware:
    """A signed-in user sent to sign in gets a 403 instead: they lack a right, not a session.

    Wagtail's admin and Django's ``staff_member_required`` send anyone they refuse to the sign-in
    page, and the sign-in page sends a signed-in user straight back to ``next``: the browser bounced
    between the two forever. Whatever view answers so, the user now sees the translated 403 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and _is_sign_in_redirect(response) and not _is_sign_in(request):
            raise PermissionDenied
        return response


def _is_sign_in(request):
    """The back-office sign-in entry points hand over to the sign-in page, signed in or not."""
    match = request.resolver_match
    return match is not None and match.url_name in SIGN_IN_URL_NAMES


def _is_sign_in_redirect(response):
    if not isinstance(response, HttpResponseRedirectBase):
        return False
    path = urlsplit(response["Location"]).path
    # In the language of the target's prefix: a view may send a user to sign in in another language.
    with override(get_language_from_path(path) or get_language()):
        try:
            match = resolve(path)
        except Resolver404:
            return False
    return match.url_name in SIGN_IN_URL_NAMES
