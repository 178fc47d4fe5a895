"""Entry points that hand accounts over to allauth (one login, with MFA and rate limits): the
back-offices' login pages, and Oscar's account pages that allauth replaces (password, email); and
the account's WhatsApp page (consent given, shown, withdrawn); the client's profile (their own page in
the account, and its public page while they keep it public)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, RedirectView
from oscar.apps.customer.forms import UserForm
from oscar.apps.customer.views import ProfileUpdateView as OscarProfileUpdateView

from . import profiles
from .consents import give_whatsapp_consent, revoke_whatsapp_consent, wa_me_link
from .forms import ClientProfileForm, WhatsAppConsentForm
from .models import WhatsAppConsent
from .selectors import current_whatsapp_consent


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


class WhatsAppConsentView(LoginRequiredMixin, FormView):
    """``/<lang>/accounts/whatsapp/``: the current consent (number, date, wording) with a button to
    withdraw it, or the form to give one; a wa.me link to the shop's WhatsApp Business number."""

    template_name = "oscar/customer/whatsapp.html"
    form_class = WhatsAppConsentForm

    def get_initial(self):
        last = self.request.user.whatsapp_consents.order_by("-given_at").first()
        return {"number": last.number} if last else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("WhatsApp"),
            active_tab="whatsapp",
            consent=current_whatsapp_consent(self.request.user),
            wa_me_link=wa_me_link(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "revoke" in request.POST:
            if revoke_whatsapp_consent(request.user):
                messages.success(
                    request, _("Your WhatsApp consent is withdrawn: we no longer write to you there.")
                )
            return redirect("whatsapp-consent")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        give_whatsapp_consent(self.request.user, form.cleaned_data["number"], source=WhatsAppConsent.ACCOUNT)
        messages.success(self.request, _("Thank you: your consent to WhatsApp messages is recorded."))
        return redirect("whatsapp-consent")


@login_required
def client_profile(request):
    """``/<lang>/accounts/about-me/``: photo, name, bio, interests and visibility; links to the
    notification preferences (the notification half of the privacy settings)."""
    profile = profiles.profile_of(request.user)
    form = ClientProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profiles.update_profile(request.user, **form.changes())
        messages.success(request, _("Your profile is saved."))
        return redirect("client-profile")
    return render(
        request,
        "oscar/customer/client_profile.html",
        {"form": form, "profile": profile, "page_title": _("About me"), "active_tab": "about"},
    )


def public_client_profile(request, public_id):
    """``/<lang>/members/<public_id>/``: a client's public profile (404 while private)."""
    viewer = request.user if request.user.is_authenticated else None
    profile = profiles.public_profile(public_id, viewer=viewer)
    response = render(request, "users/public_profile.html", {"profile": profile})
    response["Cache-Control"] = "private, no-cache"
    return response
