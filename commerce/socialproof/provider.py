"""Instagram's "Business Login for Instagram" as an allauth provider (id ``instagram``).

Scope ``instagram_business_basic``; the profile is ``GET /me?fields=user_id,username,account_type``
on the Graph API. Only professional accounts (business or creator) can log in this way, and the
adapter refuses any other. Endpoints come from settings (``SOCIALPROOF_INSTAGRAM_*_URL``), so
tests point them at a local fake speaking the same protocol.
"""

from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider

from .views import InstagramBusinessAdapter

#: ``account_type`` values of professional accounts.
PROFESSIONAL = ("BUSINESS", "MEDIA_CREATOR")


class InstagramAccount(ProviderAccount):
    def get_profile_url(self):
        username = self.account.extra_data.get("username")
        return f"https://www.instagram.com/{username}/" if username else None

    def to_str(self):
        return self.account.extra_data.get("username") or super().to_str()


class InstagramBusinessProvider(OAuth2Provider):
    id = "instagram"
    name = "Instagram"
    account_class = InstagramAccount
    oauth2_adapter_class = InstagramBusinessAdapter

    def get_default_scope(self):
        return ["instagram_business_basic"]

    def extract_uid(self, data):
        return str(data.get("user_id") or data["id"])

    def extract_extra_data(self, data):
        return data

    def extract_common_fields(self, data):
        return {"username": data.get("username")}


provider_classes = [InstagramBusinessProvider]
