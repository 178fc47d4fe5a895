"""The OAuth2 adapter and views of the Instagram Business Login provider (allauth finds them here)."""

from functools import wraps

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Client, OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter, OAuth2CallbackView, OAuth2LoginView
from django.conf import settings
from django.http import Http404


class InstagramTokenClient(OAuth2Client):
    """Instagram answers the code exchange with ``{"data": [{"access_token", "user_id", …}]}``
    (older paths put the token at the top level): both shapes are read."""

    def get_access_token(self, code, pkce_code_verifier=None, extra_data=None):
        data = {
            "client_id": self.consumer_key,
            "client_secret": self.consumer_secret,
            "grant_type": "authorization_code",
            "redirect_uri": self.callback_url,
            "code": code,
        }
        with get_adapter().get_requests_session() as session:
            response = session.post(self.access_token_url, data=data)
        body = response.json() if response.status_code == 200 else {}
        if isinstance(body.get("data"), list):
            body = body["data"][0] if body["data"] else {}
        if "access_token" not in body:
            raise OAuth2Error(f"Error retrieving access token: {response.content!r}")
        return body


class InstagramBusinessAdapter(OAuth2Adapter):
    provider_id = "instagram"
    client_class = InstagramTokenClient

    @property
    def authorize_url(self):
        return settings.SOCIALPROOF_INSTAGRAM_AUTHORIZE_URL

    @property
    def access_token_url(self):
        return settings.SOCIALPROOF_INSTAGRAM_TOKEN_URL

    @property
    def profile_url(self):
        return settings.SOCIALPROOF_INSTAGRAM_PROFILE_URL

    def complete_login(self, request, app, token, **kwargs):
        with get_adapter().get_requests_session() as session:
            response = session.get(
                self.profile_url,
                params={"access_token": token.token, "fields": "user_id,username,account_type"},
            )
            response.raise_for_status()
        return self.get_provider().sociallogin_from_response(request, response.json())


def _off_without_app(view):
    """Without a configured Instagram client the provider's URLs are a 404 (linking is off)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except SocialApp.DoesNotExist:
            raise Http404 from None

    return guarded


oauth2_login = _off_without_app(OAuth2LoginView.adapter_view(InstagramBusinessAdapter))
oauth2_callback = _off_without_app(OAuth2CallbackView.adapter_view(InstagramBusinessAdapter))
