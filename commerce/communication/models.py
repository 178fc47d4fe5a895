"""Oscar's communication models, plus the language of people written to without an account."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GuestLanguage(models.Model):
    """The language a guest's email address last used on the site (a back-in-stock alert asked
    for in Arabic is answered in Arabic, days later, outside any request)."""

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=8)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        app_label = "communication"
        verbose_name = _("guest's language")
        verbose_name_plural = _("guests' languages")

    def __str__(self):
        return f"{self.email}: {self.language}"


from oscar.apps.communication.models import *  # noqa: E402, F403 isort:skip
