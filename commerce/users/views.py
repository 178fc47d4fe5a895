"""Back-office entry points that hand sign-in over to allauth (one login, with MFA and rate limits)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.views.generic import RedirectView


class LoginRedirectView(RedirectView):
    """Sends the Wagtail admin and Oscar dashboard login pages to allauth, keeping ``next``."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        url = reverse("account_login")
        next_url = self.request.GET.get("next")
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url
