"""``make run``: the same services as production (PostgreSQL, Redis, a Celery worker and beat) on loopback.

``make run`` starts them and writes their addresses to ``var/local.env``; this module reads that file
first, so ``manage.py`` typed in another terminal reaches the same database, cache and broker.
"""

import os
from pathlib import Path

import environ

#: Written by ``scripts/run_local.py`` on each start (service URLs and the offline Stripe fake's).
LOCAL_ENV_FILE = Path(
    os.environ.get("LOCAL_ENV_FILE", Path(__file__).resolve().parents[3] / "var" / "local.env")
)
if LOCAL_ENV_FILE.exists():
    environ.Env.read_env(LOCAL_ENV_FILE, overwrite=False)

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

DEBUG = env.bool("DJANGO_DEBUG", default=True)
OSCAR_THUMBNAIL_DEBUG = DEBUG
SEARCH_PLAIN_JSON = True
SEARCH_ARABIC_ANALYZER = env("SEARCH_ARABIC_ANALYZER", default="ar")
ELASTICSEARCH_DSL_AUTO_REFRESH = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_SERVED_BY_DJANGO = env.bool("MEDIA_SERVED_BY_DJANGO", default=True)
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
BOOKINGS_ICS_ALLOW_OWN_SITE = env.bool("BOOKINGS_ICS_ALLOW_OWN_SITE", default=True)
