"""One walk over URL patterns for the project's URL maps that put every view of a section behind
the same decorator (the dashboard's gate, the API's in-thread rendering)."""

from django.urls import URLPattern, URLResolver


def decorate_views(patterns, decorator):
    """``patterns``, each view among them (in included URL maps too) replaced by ``decorator(view)``."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            decorate_views(pattern.url_patterns, decorator)
        elif isinstance(pattern, URLPattern):
            pattern.callback = decorator(pattern.callback)
    return patterns
