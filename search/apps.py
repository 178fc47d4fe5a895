from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig

from .transport import PlainJsonNode


class SearchConfig(OscarConfig):
    """Replaces Oscar's haystack search app (same label and URL namespace) with Elasticsearch DSL."""

    name = "search"
    label = "search"
    namespace = "search"
    verbose_name = _("Search")

    def ready(self):
        super().ready()
        if settings.SEARCH_PLAIN_JSON:
            # django-elasticsearch-dsl connects from settings.ELASTICSEARCH_DSL in its own ready(),
            # which runs after this one; settings import no app code, so the node class joins here.
            settings.ELASTICSEARCH_DSL["default"]["node_class"] = PlainJsonNode
        # Here, not at the top: selectors load models, which exist only once every app is ready.
        from commerce.core import health
        from search.selectors import search_server_info

        health.register("search", search_server_info)
        from . import notices

        notices.register_events()
        from commerce.experts import listings as expert_listings

        from .directory import expert_directory as faceted_directory

        expert_listings.register(faceted_directory)
        from commerce.bookings.signals import hours_changed

        from .indexing import on_hours_changed

        hours_changed.connect(on_hours_changed, dispatch_uid="search-hours-changed")

    def get_urls(self):
        from . import views  # views load models: only once apps are ready

        return self.post_process_urls(
            [
                path("", views.SearchView.as_view(), name="search"),
                path("recent/clear/", views.clear_recent, name="clear-recent"),
                path("saved/", views.saved_searches, name="saved"),
                path("saved/new/", views.save_search, name="save"),
                path("saved/<int:pk>/delete/", views.delete_saved_search, name="delete-saved"),
            ]
        )
