"""The user model: Oscar's email-identified user, so allauth, Oscar and Wagtail share one account."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser

from commerce.core.validation import validate_name_characters


class User(AbstractUser):
    """Signs in with an email address; roles come from group membership (see ``roles.py``)."""

    first_name = models.CharField(
        _("First name"), max_length=255, blank=True, validators=[validate_name_characters]
    )
    last_name = models.CharField(
        _("Last name"), max_length=255, blank=True, validators=[validate_name_characters]
    )
    #: The language the person last used on the site: emails sent to them later speak it.
    language = models.CharField(_("language"), max_length=8, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "user"
        verbose_name_plural = "users"
