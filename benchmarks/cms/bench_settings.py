"""Settings of the CMS benchmark: production-like (DEBUG off, Redis cache, PostgreSQL), no secrets needed."""

from config.settings.base import *  # noqa: F403
from config.settings.base import MIDDLEWARE, env

DEBUG = False
SECRET_KEY = "benchmark-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "benchmarks.cms.bench_urls"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
CONN_MAX_AGE = 60
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["ATOMIC_REQUESTS"] = False  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

if env.bool("BENCH_PAGE_CACHE_MIDDLEWARE", default=False):
    # The optional fast path: cached pages answered before URL routing (see cms_pages/core/caching.py).
    position = MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware") + 1
    MIDDLEWARE = [
        *MIDDLEWARE[:position],
        "cms_pages.core.caching.PageCacheMiddleware",
        *MIDDLEWARE[position:],
    ]
