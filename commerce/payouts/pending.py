"""Which pending coin holds will become an expert's earnings.

A hold names its earner only when it is captured (``Hold.earner``); before that, only the app that
opened it knows whose consultation it pays for (through ``Hold.subject``). Apps that open holds for
an expert register here how to find that expert's pending holds: ``register(holds_for)`` with
``holds_for(user) -> Q`` over ``wallet.Hold``. Holds whose subject is the expert's profile itself
count without registration.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from commerce.experts.models import ExpertProfile

_sources = []


def register(holds_for):
    """Add ``holds_for(user) -> Q`` (over ``wallet.Hold``) to what counts as the user's pending earnings."""
    if holds_for not in _sources:
        _sources.append(holds_for)


def _held_for_profile(user):
    profile_type = ContentType.objects.get_for_model(ExpertProfile)
    profile_ids = [str(pk) for pk in ExpertProfile.objects.filter(user=user).values_list("pk", flat=True)]
    return Q(subject_type=profile_type, subject_id__in=profile_ids)


def pending_holds_filter(user):
    """One ``Q`` matching the holds of ``user``'s consultations (the caller adds the status)."""
    condition = _held_for_profile(user)
    for holds_for in _sources:
        condition |= holds_for(user)
    return condition
