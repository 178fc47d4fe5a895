"""The user model (Oscar's email-identified user, so allauth, Oscar and Wagtail share one account),
the consents a person gives about being contacted, and a client's profile."""

import uuid

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser
from phonenumber_field.modelfields import PhoneNumberField

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


class WhatsAppConsent(models.Model):
    """A person's explicit consent to be written to on WhatsApp at one number (seed 004, GDPR).

    Kept as evidence: the exact wording they agreed to, in the language they read it, when and where
    (checkout or account). Revoking sets ``revoked_at``; the row stays, and the number leaves the next
    export of current opt-ins. At most one current consent per person (a new number revokes the old).

    The person is a user, or a guest who checked out without an account: then their email and names
    are kept here, and they withdraw from their order's signed page.
    """

    CHECKOUT, ACCOUNT = "checkout", "account"
    SOURCES = ((CHECKOUT, _("Checkout")), (ACCOUNT, _("Account")))

    user = models.ForeignKey(
        "users.User",
        on_delete=models.CASCADE,
        related_name="whatsapp_consents",
        verbose_name=_("user"),
        null=True,
        blank=True,
    )
    guest_email = models.EmailField(_("guest's email"), blank=True)
    guest_first_name = models.CharField(_("guest's first name"), max_length=255, blank=True)
    guest_last_name = models.CharField(_("guest's last name"), max_length=255, blank=True)
    number = PhoneNumberField(_("WhatsApp number"))
    wording = models.TextField(_("consent wording"))
    language = models.CharField(_("language"), max_length=8)
    source = models.CharField(_("where it was given"), max_length=16, choices=SOURCES)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("WhatsApp consent")
        verbose_name_plural = _("WhatsApp consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_current_whatsapp_consent",
            ),
            models.UniqueConstraint(
                Lower("guest_email"),
                condition=models.Q(revoked_at__isnull=True, user__isnull=True),
                name="one_current_guest_whatsapp_consent",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, guest_email="")
                | (models.Q(user__isnull=True) & ~models.Q(guest_email="")),
                name="whatsapp_consent_of_a_user_or_a_guest",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | models.Q(revoked_at__gte=models.F("given_at")),
                name="whatsapp_consent_revoked_after_given",
            ),
        ]

    def __str__(self):
        return f"{self.user or self.guest_email} · {self.number}"

    @property
    def email(self):
        return self.user.email if self.user_id else self.guest_email

    @property
    def first_name(self):
        return self.user.first_name if self.user_id else self.guest_first_name

    @property
    def last_name(self):
        return self.user.last_name if self.user_id else self.guest_last_name

    @property
    def is_current(self):
        return self.revoked_at is None


def client_photo_path(instance, filename):
    return f"clients/photos/{instance.user_id}/{filename.rsplit('/', 1)[-1]}"


class ClientProfile(models.Model):
    """What a client tells about themselves: photo, name, short bio, interests (the experts' domains,
    which suggest experts to them), and whether other people may see it (private by default).

    ``public_id`` names the public page, so its address reveals nothing about the account.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="client_profile")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    full_name = models.CharField(
        _("full name"), max_length=120, blank=True, validators=[validate_name_characters]
    )
    photo = models.ImageField(_("photo"), upload_to=client_photo_path, max_length=255, blank=True)
    bio = models.TextField(_("short bio"), max_length=500, blank=True)
    interests = models.ManyToManyField(
        "experts.Domain", related_name="interested_clients", blank=True, verbose_name=_("interests")
    )
    is_public = models.BooleanField(
        _("public profile"), default=False, help_text=_("Others may see your name, photo, bio and interests.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("client profile")
        verbose_name_plural = _("client profiles")

    def __str__(self):
        return self.full_name or str(self.user)

    def get_absolute_url(self):
        return reverse("client-profile-public", kwargs={"public_id": self.public_id})
