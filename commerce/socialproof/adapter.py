"""allauth's social accounts serve one purpose here: an expert links LinkedIn and Instagram to the
account they already have, as proof for the review. Nobody signs up or signs in with them, and only
Instagram professional accounts (business or creator) are accepted."""

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .provider import PROFESSIONAL


def is_expert(user):
    return user.is_authenticated and hasattr(user, "expert_profile")


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def pre_social_login(self, request, sociallogin):
        if sociallogin.state.get("process") != "connect" or not is_expert(request.user):
            messages.error(
                request, _("LinkedIn and Instagram are linked from an expert's verification page only.")
            )
            raise ImmediateHttpResponse(redirect("expert-space:home" if is_expert(request.user) else "home"))
        account = sociallogin.account
        if account.provider == "instagram" and account.extra_data.get("account_type") not in PROFESSIONAL:
            messages.error(request, _("Link an Instagram professional account (business or creator)."))
            raise ImmediateHttpResponse(redirect("expert-space:verification"))

    def get_connect_redirect_url(self, request, socialaccount):
        return reverse("expert-space:verification")
