"""A signed-in user's language follows them to the back-office pages outside the language prefixes.

The shopper site lives under ``/fr/``, ``/en/`` and ``/ar/``; the Oscar dashboard (``/dashboard/``)
has no prefix, so Django's ``LocaleMiddleware`` takes its language from the language cookie, else
the browser's ``Accept-Language``: a seller working on the site in Arabic got the dashboard in
their browser's English. This keeps the cookie on the language of the last prefixed page a
signed-in user saw; the dashboard's own language menu sets it through Django's ``set_language``.
The same language is kept on the user (``User.language``), so emails sent later, outside any
request (back in stock, orders), speak it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import get_language_from_path


class RememberLanguageMiddleware:
    """After ``AuthenticationMiddleware``; anonymous visitors get no cookie (their pages are cached)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        user = getattr(request, "user", None)
        if (
            language
            and user is not None
            and user.is_authenticated
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            get_user_model().objects.filter(pk=user.pk).exclude(language=language).update(language=language)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
