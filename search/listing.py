"""What a faceted page shows beside its hits: facet links that add or remove one value, the chips
of the active filters (each removable), the sort choices and the canonical URL of the filters.

Every link is a plain GET URL (crawlable, shareable, works without JavaScript); the canonical URL
lists the facets in their fixed order with sorted values, so one filter set has one address.
"""

from dataclasses import dataclass

from django.http import QueryDict

from .faceted import RELEVANCE


@dataclass
class Chip:
    label: str
    remove_url: str


def query_string(selection, *, sort=None, page=None):
    params = QueryDict(mutable=True)
    if selection.query:
        params["q"] = selection.query
    for name, values in selection.values.items():
        params.setlist(name, sorted(values))
    if sort and sort != RELEVANCE:
        params["sort_by"] = sort
    if page and page > 1:
        params["page"] = str(page)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _with_values(selection, name, values):
    from copy import deepcopy

    changed = deepcopy(selection)
    if values:
        changed.values[name] = values
    else:
        changed.values.pop(name, None)
    return changed


def decorate(path, selection, facet_counts, sorts, facets):
    """The template context of a faceted page: links on each value, chips, sorts, canonical URL.

    Chips come from the selection itself, so active filters stay visible and removable when the
    search server (hence the counts) is unavailable.
    """
    single = {facet.name for facet in facets if getattr(facet, "single", False)}
    for counts in facet_counts:
        chosen = selection.values.get(counts.name, [])
        for value in counts.values:
            values = [v for v in chosen if v != value.value] if value.selected else [*chosen, value.value]
            if counts.name in single and not value.selected:  # "at least", "within": one at a time
                values = [value.value]
            changed = _with_values(selection, counts.name, values)
            value.url = path + query_string(changed, sort=selection.sort)
    chips = []
    for facet in facets:
        chosen = selection.values.get(facet.name, [])
        labels = facet.labels(chosen) if chosen and facet.labels else {}
        for value in chosen:
            rest = _with_values(selection, facet.name, [v for v in chosen if v != value])
            label = f"{facet.label}: {labels.get(value, value)}"
            chips.append(Chip(label, path + query_string(rest, sort=selection.sort)))
    return {
        "selection": selection,
        "facets": facet_counts,
        "chips": chips,
        "clear_url": path + (query_string(_with_values_all(selection)) if selection.query else ""),
        "sort_options": [(key, str(sort.label)) for key, sort in sorts.items()],
        "canonical_url": path + query_string(selection).rstrip("?"),
        "filter_params": [(name, value) for name, values in selection.values.items() for value in values],
    }


def _with_values_all(selection):
    from copy import deepcopy

    cleared = deepcopy(selection)
    cleared.values = {}
    return cleared
