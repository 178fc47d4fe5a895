"""OpenAPI schema hooks."""


def public_api_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: only ``/api/`` is documented (Wagtail's admin API and
    wagtail-localize's internal views are not part of the public contract)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
