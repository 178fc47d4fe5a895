"""pytest: real PostgreSQL, Redis and osmem-server, all started by ``make test`` on free ports."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
DATABASES["default"]["ATOMIC_REQUESTS"] = False  # noqa: F405
SEARCH_PLAIN_JSON = True
SEARCH_ARABIC_ANALYZER = env("SEARCH_ARABIC_ANALYZER", default="ar")
ELASTICSEARCH_DSL_AUTO_REFRESH = True
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="test")
#: A busy test machine sometimes answers a query after the storefront's 2 s: here only a refused
#: connection stands for a search server that is down (the schema fuzzer read slow answers as 503s).
SEARCH_TIMEOUT = 10.0
ELASTICSEARCH_DSL["default"]["request_timeout"] = SEARCH_TIMEOUT  # noqa: F405
#: Tests run tasks in-process unless a test starts a real worker (see tests/conftest.py).
CELERY_TASK_ALWAYS_EAGER = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
#: The live server shows product images as ``make run`` does.
MEDIA_SERVED_BY_DJANGO = True
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "test-media"))  # noqa: F405
