"""Settings of the bookings benchmark: the base settings on the benchmark's own PostgreSQL."""

from config.settings.base import *  # noqa: F403
from config.settings.base import database, env

DEBUG = False
SECRET_KEY = "benchmark-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
#: No default: the benchmark passes the URL of its own PostgreSQL (never a developer database).
DATABASES = {"default": database(env.db("DATABASE_URL"), pool_size=0)}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
CELERY_TASK_ALWAYS_EAGER = True
ELASTICSEARCH_DSL_AUTOSYNC = False
