"""The admin on duty: the one account whose phone (the Telegram chat and WhatsApp number in settings)
gets the platform's alerts, so that an alert told to every admin rings one phone once."""

from django.conf import settings
from django.contrib.auth import get_user_model


def admin_on_duty():
    """The account named by ``NOTIFICATIONS_PHONES_ADMIN_EMAIL``, else the first active superuser."""
    users = get_user_model().objects.filter(is_active=True)
    if settings.NOTIFICATIONS_PHONES_ADMIN_EMAIL:
        return users.filter(email__iexact=settings.NOTIFICATIONS_PHONES_ADMIN_EMAIL).first()
    return users.filter(is_superuser=True).order_by("pk").first()


def is_admin_on_duty(user):
    if user is None or not user.is_active:
        return False
    if settings.NOTIFICATIONS_PHONES_ADMIN_EMAIL:
        return user.email.lower() == settings.NOTIFICATIONS_PHONES_ADMIN_EMAIL.lower()
    if not user.is_superuser:  # the first superuser: nobody else needs a query
        return False
    duty = admin_on_duty()
    return duty is not None and duty.pk == user.pk
