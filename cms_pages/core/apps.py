from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsCoreConfig(AppConfig):
    """Shared CMS pieces: the block library, site settings, snippets, SEO, page cache, rankings."""

    name = "cms_pages.core"
    label = "cms_core"
    verbose_name = _("CMS core")

    def ready(self):
        from . import newsletter_notices, signals  # noqa: F401 - registers the confirmation's event type

        signals.connect()
