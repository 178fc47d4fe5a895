"""State changes of search: remembering recent searches, saving and deleting saved searches, and
alerting saved searches about new products and experts (once per saved search and item)."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import MultiSearch

from . import faceted, notices
from .exceptions import SearchRefused, SearchUnavailable
from .models import ExpertAvailability, RecentSearch, SavedSearch, SavedSearchAlert

logger = logging.getLogger(__name__)


def canonical_params(kind, params):
    """The query string that names a search: text, each facet's sorted values, the sort."""
    from .listing import query_string

    definition = faceted.KINDS[kind]()
    return query_string(faceted.parse(definition, params)).lstrip("?")


def _owner(user, session_key):
    if user is not None and user.is_authenticated:
        return {"user": user}
    return {"user": None, "session_key": session_key}


def remember_search(*, user, session_key, kind, params):
    """Keep this search at the top of the visitor's recent searches (the oldest beyond the limit go)."""
    canonical = canonical_params(kind, params)
    owner = _owner(user, session_key)
    if not canonical or (owner["user"] is None and not session_key):
        return None
    query = (params.get("q") or "").strip()[:200]
    with transaction.atomic():
        recent, _created = RecentSearch.objects.update_or_create(
            **owner, kind=kind, params=canonical, defaults={"query": query, "searched_at": timezone.now()}
        )
        mine = RecentSearch.objects.filter(**owner)
        kept = list(mine.values_list("pk", flat=True)[: settings.SEARCH_RECENT_KEPT])
        mine.exclude(pk__in=kept).delete()
    return recent


def clear_recent_searches(*, user, session_key):
    owner = _owner(user, session_key)
    if owner["user"] is None and not session_key:
        return 0
    return RecentSearch.objects.filter(**owner).delete()[0]


def save_search(user, *, kind, params, label=""):
    """Save a search for alerts; saving the same search again returns the one already saved."""
    if kind not in faceted.KINDS:
        raise SearchRefused(_("Unknown search type."))
    canonical = canonical_params(kind, params)
    if not canonical:
        raise SearchRefused(_("Type words or choose filters before saving a search."))
    if SavedSearch.objects.filter(user=user).count() >= settings.SEARCH_SAVED_MAX:
        limit = {"count": settings.SEARCH_SAVED_MAX}
        raise SearchRefused(_("You can keep %(count)s saved searches: delete one first.") % limit)
    label = (label or params.get("q") or "").strip()[:200] or _("My search")
    saved, _created = SavedSearch.objects.get_or_create(
        user=user, kind=kind, params=canonical, defaults={"label": label}
    )
    return saved


def delete_saved_search(user, pk):
    return SavedSearch.objects.filter(user=user, pk=pk).delete()[0] > 0


def alert_new_matches(kind, ids):
    """Tell owners of saved searches about the new items among ``ids`` that match their search.

    Each saved search runs again on the search server restricted to these ids (one ``_msearch``);
    an item counts as new for a search saved before it appeared. The unique alert row makes the
    notice once per (saved search, item), whoever runs this twice.
    """
    saved = list(SavedSearch.objects.filter(kind=kind).select_related("user"))
    if not saved or not ids:
        return 0
    definition = faceted.KINDS[kind]()
    facets = definition.facets()
    appeared = _appeared_at(kind, ids)
    multi = MultiSearch(index=definition.document._index._name)
    for search in saved:
        selection = faceted.parse(definition, QueryDict(search.params), facets)
        body = faceted.build_search(
            definition,
            selection,
            facets,
            limit=len(ids),
            restrict=({"ids": {"values": [str(pk) for pk in ids]}},),
            aggregate=False,
        )
        multi = multi.add(definition.document.search().update_from_dict(body))
    try:
        responses = multi.execute()
    except (TransportError, ApiError) as exc:
        raise SearchUnavailable(str(exc)) from exc
    told = 0
    for search, response in zip(saved, responses, strict=True):
        for hit in response:
            pk = int(hit.meta.id)
            if pk in appeared and appeared[pk] >= search.created_at and _record_alert(search, pk):
                notices.tell_match(search, kind, pk)
                told += 1
    return told


def _appeared_at(kind, ids):
    if kind == "products":
        from commerce.catalogue.selectors import browsable_products

        rows = browsable_products().filter(pk__in=ids).values_list("pk", "date_created")
    else:
        from commerce.experts.models import ExpertProfile

        rows = ExpertProfile.objects.listed().filter(pk__in=ids).values_list("pk", "approved_at")
    return {pk: when for pk, when in rows if when}


def _record_alert(search, pk):
    try:
        with transaction.atomic():
            SavedSearchAlert.objects.create(saved_search=search, object_id=pk)
    except IntegrityError:
        return False
    return True


def refresh_expert_availability(expert_ids, *, now=None):
    """Work out again the next free call slot of these experts (one row each, written at once)."""
    from commerce.bookings.models import Provider
    from commerce.experts.models import ExpertProfile

    from . import availability

    now = now or timezone.now()
    experts = ExpertProfile.objects.filter(pk__in=expert_ids)
    providers = {p.expert_id: p for p in Provider.objects.filter(expert_id__in=expert_ids)}
    rows = [
        ExpertAvailability(
            expert=expert,
            next_free_at=availability.next_free_slot(expert, providers.get(expert.pk), now),
            computed_at=now,
        )
        for expert in experts
    ]
    with transaction.atomic():
        ExpertAvailability.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["expert"],
            update_fields=["next_free_at", "computed_at"],
        )
    return len(rows)
