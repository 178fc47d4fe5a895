"""Staff must protect their account with a second factor when ``USERS_REQUIRE_STAFF_MFA`` is on."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

#: Paths a staff member without MFA may still reach (to enrol, sign out, or load assets).
EXEMPT_URL_NAMES = ("mfa_index", "mfa_activate_totp", "mfa_generate_recovery_codes", "account_logout")


class RequireStaffMFAMiddleware:
    """Redirects a signed-in staff user with no authenticator to TOTP enrolment."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.USERS_REQUIRE_STAFF_MFA and self._must_enrol(request):
            messages.warning(request, _("Staff accounts must turn on two-factor authentication first."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_enrol(self, request):
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated and user.is_staff):
            return False
        path = request.path_info
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return False
        exempt = {reverse(name) for name in EXEMPT_URL_NAMES}
        if path in exempt:
            return False
        return not is_mfa_enabled(user)
