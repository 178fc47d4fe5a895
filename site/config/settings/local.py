"""``make run``: SQLite, in-process cache/broker/channel layer, osmem-server for search."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SEARCH_PLAIN_JSON = True
ELASTICSEARCH_DSL["default"]["node_class"] = PlainJsonNode  # noqa: F405
ELASTICSEARCH_DSL_AUTO_REFRESH = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_SERVED_BY_DJANGO = env.bool("MEDIA_SERVED_BY_DJANGO", default=True)
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # Parallel requests (images, HTMX) must wait for the writer instead of failing "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")  # noqa: F405
