"""Production: every secret comes from the environment, with no default (a missing one fails loudly)."""

from .base import *  # noqa: F403
from .base import database, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
SITE_DOMAIN = env("SITE_DOMAIN")
SITE_URL = env("SITE_URL", default=f"https://{SITE_DOMAIN}")
OSCAR_URL_SCHEMA = SITE_URL.split("://", 1)[0]
DATABASES = {"default": database(env.db("DATABASE_URL"), pool_size=env.int("DATABASE_POOL_SIZE", default=10))}
REDIS_URL = env("REDIS_URL")
#: Identity documents are encrypted with these keys: never derived from another secret in production.
PRIVATE_STORAGE_ENCRYPTION_KEYS = env.list("PRIVATE_STORAGE_ENCRYPTION_KEYS")
CELERY_TASK_ALWAYS_EAGER = False
USERS_REQUIRE_MFA = env.bool("USERS_REQUIRE_MFA", default=True)
ACCOUNT_EMAIL_VERIFICATION = "mandatory"

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True

if env("AWS_STORAGE_BUCKET_NAME", default=""):
    #: S3-compatible media (MinIO, Scaleway, AWS) so web and worker replicas share uploads.
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "default_acl": "private",
            "querystring_auth": True,
        },
    }

LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")  # noqa: F405
