"""Reads about users and their roles."""

from django.db.models import Q

from .models import WhatsAppConsent
from .roles import ROLES


def role_names(user):
    """Names of the role groups a user belongs to, sorted."""
    return sorted(user.groups.values_list("name", flat=True))


def has_role(user, role_name):
    return user.is_authenticated and user.groups.filter(name=role_name).exists()


def requires_mfa(user):
    """Staff, and members of any role declared ``requires_mfa`` (sellers, experts, back-office roles)."""
    if user.is_staff:
        return True
    names = [role.name for role in ROLES if role.requires_mfa]
    return user.groups.filter(name__in=names).exists()


def current_whatsapp_consent(user):
    """``user``'s current WhatsApp consent, or ``None``."""
    if not user.is_authenticated:
        return None
    return WhatsAppConsent.objects.filter(user=user, revoked_at__isnull=True).first()


def current_whatsapp_opt_ins():
    """Every current consent (revoked ones left out) with its person, oldest first: the campaign list.
    Guests' consents are in it; a deactivated user's are not."""
    return (
        WhatsAppConsent.objects.filter(Q(user__is_active=True) | Q(user=None), revoked_at__isnull=True)
        .select_related("user")
        .order_by("given_at", "pk")
    )
