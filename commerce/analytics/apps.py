from oscar.apps.analytics import apps


class AnalyticsConfig(apps.AnalyticsConfig):
    name = "commerce.analytics"

    def ready(self):
        """Our receivers replace Oscar's (see receivers.py); Oscar's module is never imported."""
        from . import receivers  # noqa: F401
