"""A client's profile: read it (opened on first use) and change it. Only the owner changes it; others
see it only while it is public (``public_profile``)."""

from django.db import transaction
from django.http import Http404

from .models import ClientProfile

#: Fields a client edits on their profile page (``interests`` apart: a many-to-many).
FIELDS = ("full_name", "photo", "bio", "is_public")


def profile_of(user):
    """The user's profile, created empty (and private) on first use, name taken from the account."""
    return ClientProfile.objects.get_or_create(user=user, defaults={"full_name": user.get_full_name()})[0]


@transaction.atomic
def update_profile(user, *, interests=None, **fields):
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    profile = ClientProfile.objects.select_for_update().get(pk=profile_of(user).pk)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean(exclude=["user", "interests"])
    profile.save()
    if interests is not None:
        profile.interests.set(interests)
    return profile


def public_profile(public_id, *, viewer=None):
    """The profile at ``public_id`` if it is public (its owner always sees it); a 404 otherwise."""
    profile = (
        ClientProfile.objects.select_related("user")
        .prefetch_related("interests")
        .filter(public_id=public_id)
        .first()
    )
    if profile is None or not (profile.is_public or (viewer is not None and viewer.pk == profile.user_id)):
        raise Http404
    return profile
