"""A fixed-window rate limit on the cache: ``allow(scope, ident, limit, seconds)`` counts one hit."""

import hashlib

from django.core.cache import cache


def client_ip(request):
    """The client address as the first proxy saw it (nginx sets X-Forwarded-For in production)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (forwarded.split(",")[0].strip() if forwarded else "") or request.META.get("REMOTE_ADDR", "")


def allow(scope, ident, limit, seconds):
    """True while ``ident`` made at most ``limit`` hits in ``scope`` during the current window."""
    digest = hashlib.sha256(f"{scope}:{ident}".encode()).hexdigest()[:32]
    key = f"cms:rate:{scope}:{digest}"
    if cache.add(key, 1, seconds):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit
