from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns

from .provider import InstagramBusinessProvider

urlpatterns = default_urlpatterns(InstagramBusinessProvider)
