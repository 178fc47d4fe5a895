from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialProofConfig(AppConfig):
    """Social proof for experts: LinkedIn (OpenID Connect) and Instagram (Business Login) accounts
    linked to an existing expert account through allauth's social accounts, never used to sign up
    or sign in; their badges on the verification screen, the review queue and the public profile.

    This package is also the allauth provider of Instagram's Business Login (``provider.py``,
    ``views.py``, ``urls.py``): allauth's own ``instagram`` provider speaks the Basic Display API,
    which Meta shut down in December 2024."""

    name = "commerce.socialproof"
    label = "socialproof"
    verbose_name = _("Social proof")

    def ready(self):
        from allauth.socialaccount.signals import social_account_added, social_account_removed

        from .receivers import refresh_expert_pages

        social_account_added.connect(refresh_expert_pages, dispatch_uid="socialproof-added")
        social_account_removed.connect(refresh_expert_pages, dispatch_uid="socialproof-removed")
