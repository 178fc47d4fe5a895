"""Settings of the commerce benchmark: production-like serving, plus stock Oscar mounted beside ours.

DEBUG off, PostgreSQL and Redis from the environment (the benchmark starts both), requests in a
transaction and connections from a per-process pool, as in production. Search index
updates are off (seeding writes 100k products in bulk; neither side of the comparison reads the
search server). haystack with its database-only engine is configured here only, for stock Oscar's
catalogue list.
"""

import warnings

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, INSTALLED_APPS, MIDDLEWARE, database, env

DEBUG = False
SECRET_KEY = "benchmark-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "benchmarks.commerce.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
#: Emails are rendered (both checkouts send one) but not delivered.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
#: No default: the benchmark passes the URL of its own PostgreSQL (never a developer database).
#: As production: requests in a transaction, connections from a pool (never CONN_MAX_AGE under ASGI:
#: each request's thread would keep its own and they pile up past max_connections).
DATABASES = {"default": database(env.db("DATABASE_URL"), pool_size=env.int("DATABASE_POOL_SIZE", default=10))}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "bench-media"))
#: Static files come from the finders (no collectstatic for a benchmark).
warnings.filterwarnings("ignore", message="No directory at")
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

#: Tasks run in-process by default (no worker to start). The benchmark serves with
#: BENCH_TASKS_EAGER=false unless told otherwise: tasks then go to Redis as in production, where a
#: worker (not started here) would pick them up, so a request pays for queueing only.
CELERY_TASK_ALWAYS_EAGER = env.bool("BENCH_TASKS_EAGER", default=True)

#: Seeding writes products in bulk; the benchmark never reads the search server.
ELASTICSEARCH_DSL_AUTOSYNC = False

# --- Stock Oscar beside ours ------------------------------------------------------------------
INSTALLED_APPS = [*INSTALLED_APPS, "haystack", "benchmarks.commerce.apps.BenchCommerceConfig"]
#: haystack's database-only engine; browse queries list every product (see haystack_engine.py).
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "benchmarks.commerce.haystack_engine.BrowseEngine"}}
#: Ours first; Oscar's haystack search classes only where our ``search`` app has none.
OSCAR_DYNAMIC_CLASS_LOADER = "benchmarks.commerce.loading.class_loader"
OSCAR_ALLOW_ANON_CHECKOUT = True
#: Under /stock-oscar/, URL names (checkout:…, catalogue:…) reverse to stock Oscar's views.
MIDDLEWARE = ["benchmarks.commerce.middleware.StockOscarURLConfMiddleware", *MIDDLEWARE]
#: Both URL maps name the same namespaces on purpose (see benchmarks/commerce/stock_oscar.py).
SILENCED_SYSTEM_CHECKS = ["urls.W005"]
