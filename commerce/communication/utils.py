"""Every Oscar email (back in stock, alerts, order emails …) is rendered through this dispatcher.

Oscar renders an email in whatever language happens to be active: the seller's dashboard language
when a restock sends the back-in-stock alerts, English in a worker. Links then point to ``/en/…``
and ``site.domain`` is whatever the sites table holds. Here each message is rendered in its
recipient's language (``language`` in the context, else the ``user``'s or the alert's user's
language, else the language a guest's address last used, else the site's default), and every
template gets the site from settings (``SITE_NAME`` / ``SITE_DOMAIN``, kept in the sites table by
commerce/core/sites.py) and ``site_url``, the site's absolute address.
"""

from django.conf import settings
from django.contrib.sites.models import Site
from django.utils import translation
from oscar.apps.communication.utils import Dispatcher as OscarDispatcher


def language_of(user):
    """The language a person reads emails in: the one they last used on the site."""
    supported = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "language", "") if user is not None else ""
    return language if language in supported else settings.LANGUAGE_CODE


def remember_guest_language(email, language):
    """Keep the language a guest used when leaving their address (alerts), for later emails."""
    from .models import GuestLanguage

    if email and language:
        GuestLanguage.objects.update_or_create(email=email.lower(), defaults={"language": language})


def guest_language(email):
    from .models import GuestLanguage

    language = (
        GuestLanguage.objects.filter(email=(email or "").lower()).values_list("language", flat=True).first()
    )
    return language if language in {code for code, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


def recipient_language(context):
    """The explicit ``language`` of the context, else its recipient's: the ``user``'s, the alert's
    user's, or the language the alert's guest address last used."""
    if context.get("language"):
        return context["language"]
    alert = context.get("alert")
    user = context.get("user") or getattr(alert, "user", None)
    if user is None and alert is not None:
        return guest_language(alert.email)
    return language_of(user)


def site_url():
    """The public origin emails link to (the same as canonical links and the sitemap)."""
    return settings.SITE_URL.rstrip("/")


class Dispatcher(OscarDispatcher):
    def get_messages(self, event_code, extra_context=None):
        context = dict(extra_context or {})
        with translation.override(recipient_language(context)):
            return super().get_messages(event_code, context)

    def get_base_context(self, **kwargs):
        site = Site(id=settings.SITE_ID, domain=settings.SITE_DOMAIN, name=settings.SITE_NAME)
        return {**kwargs, "site": site, "site_url": site_url(), "shop_name": settings.OSCAR_SHOP_NAME}
