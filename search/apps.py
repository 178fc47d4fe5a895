from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class SearchConfig(OscarConfig):
    """Replaces Oscar's haystack search app (same label and URL namespace) with Elasticsearch DSL."""

    name = "search"
    label = "search"
    namespace = "search"
    verbose_name = _("Search")

    def get_urls(self):
        from .views import SearchView

        return self.post_process_urls([path("", SearchView.as_view(), name="search")])
