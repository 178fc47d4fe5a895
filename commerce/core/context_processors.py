"""Values every page's chrome needs: site name and text direction."""

from django.conf import settings
from django.utils.translation import get_language_bidi


def site_chrome(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "TEXT_DIRECTION": "rtl" if get_language_bidi() else "ltr",
    }
