"""Entry points that hand accounts over to allauth (one login, with MFA and rate limits): the
back-offices' login pages, and Oscar's account pages that allauth replaces (password, email)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.views.generic import RedirectView
from oscar.apps.customer.forms import UserForm
from oscar.apps.customer.views import ProfileUpdateView as OscarProfileUpdateView


class LoginRedirectView(RedirectView):
    """Sends the Wagtail admin and Oscar dashboard login pages to allauth, keeping ``next``."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        url = reverse("account_login")
        next_url = self.request.GET.get("next")
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class ProfileForm(UserForm):
    """Oscar's profile form without the email address: the address is allauth's, changed and
    verified on allauth's email page (Oscar would switch it unverified and mail a reset link to a
    password-reset page allauth replaces)."""

    class Meta(UserForm.Meta):
        fields = ["first_name", "last_name"]


class ProfileUpdateView(OscarProfileUpdateView):
    """Oscar's "Edit profile" page for names; a link leads to allauth's email page."""

    form_class = ProfileForm
