"""Oscar's own haystack index, so stock Oscar's catalogue list has something to list (benchmark only)."""

from oscar.apps.search.search_indexes import ProductIndex  # noqa: F401 - haystack collects it from here
