"""Experts shown by the experts block, from the experts app when it is installed."""

from django.apps import apps


def featured_experts(count):
    """Verified experts to show on cards; empty until the experts module exists (no placeholder data)."""
    if not apps.is_installed("commerce.experts"):
        return []
    try:
        from commerce.experts.selectors import featured_experts as experts_featured
    except ImportError:
        return []
    return list(experts_featured(count))
