"""Reads about users and their roles."""

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
