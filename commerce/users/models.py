"""The user model: Oscar's email-identified user, so allauth, Oscar and Wagtail share one account."""

from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """Signs in with an email address; roles come from group membership (see ``roles.py``)."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "user"
        verbose_name_plural = "users"
