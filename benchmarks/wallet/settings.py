"""Settings of the wallet benchmark: production-like serving, plus the benchmark-only URLs.

DEBUG off, requests in a transaction, connections from a pool, as in production. The API's
throttling is off (the load generator would hit the per-user rate in seconds), and ``urls.py``
adds the benchmark's own endpoints, which exist under these settings only.
"""

from config.settings.base import *  # noqa: F403
from config.settings.base import INSTALLED_APPS, REST_FRAMEWORK, database, env

DEBUG = False
SECRET_KEY = "benchmark-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "benchmarks.wallet.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
#: No default: the benchmark passes the URL of its own PostgreSQL (never a developer database).
DATABASES = {"default": database(env.db("DATABASE_URL"), pool_size=env.int("DATABASE_POOL_SIZE", default=10))}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
CELERY_TASK_ALWAYS_EAGER = True
ELASTICSEARCH_DSL_AUTOSYNC = False
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.wallet.apps.BenchWalletConfig"]
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": [], "DEFAULT_THROTTLE_RATES": {}}
