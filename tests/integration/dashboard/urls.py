"""Reading dashboard responses in tests."""

from django.conf import settings


def reached(client, url, **kwargs):
    """Status of a GET, where the site's 404-to-``/<lang>/…`` redirect counts as the 404 it is.

    Unprefixed URLs that 404 are redirected by Django's LocaleMiddleware to the language-prefixed
    path (the Wagtail catch-all accepts any path), which then 404s: both mean "not found".
    """
    response = client.get(url, **kwargs)
    path = url.split("?")[0]
    prefixed = {f"/{code}{path}" for code, _ in settings.LANGUAGES}
    if response.status_code == 302 and response["Location"] in prefixed:
        response.status_code = 404
    return response
