"""Settings shared by every environment; each value that varies comes from the environment."""

from decimal import Decimal
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parents[3]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-local-only-secret-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
#: The site's domain and name in account emails (links, subjects, signatures); the Site row of
#: SITE_ID is set to them after every migrate (commerce/core/sites.py).
SITE_DOMAIN = env("SITE_DOMAIN", default="127.0.0.1:8000")
SITE_NAME = env("SITE_NAME", default="Souk")
#: The public origin (scheme, host, port) of every absolute link search engines and social networks
#: see: canonical, hreflang, og:url, JSON-LD, sitemap (commerce/core/sites.py).
SITE_URL = env("SITE_URL", default=f"http://{SITE_DOMAIN}")
#: Scheme of the absolute links in Oscar's emails: the public origin's.
OSCAR_URL_SCHEMA = SITE_URL.split("://", 1)[0]

# --- Applications -----------------------------------------------------------------------------
#: Django's own apps. modeltranslation is not one, but it must come before the admin (it says so),
#: so it opens the combined list below.
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
#: The project's own apps (commerce/, cms_pages/). They come before the libraries so that their
#: templates and static files win over the ones they override.
LOCAL_APPS = [
    "commerce.users",
    "commerce.money",
    "commerce.core",
    "commerce.notifications",
    "commerce.notifications.phones",
    "commerce.api",
    "commerce.invoices",
    "commerce.returns",
    "commerce.messaging",
    "commerce.demo",
    "commerce.sellers",
    "commerce.fulfilment",
    "commerce.wallet",
    "commerce.subscriptions",
    "commerce.experts",
    "commerce.consultations",
    "commerce.payouts",
    "commerce.socialproof",
    "commerce.bookings",
    "commerce.digital",
    "commerce.calls",
    "cms_pages.core",
    "cms_pages.home",
    "cms_pages.landing",
    "cms_pages.help",
    "cms_pages.form_pages",
    "cms_pages.standard",
]
#: Libraries, Oscar's included. Oscar's apps that the project forks (commerce/...) stay in Oscar's
#: place in this list, where Oscar expects them; the other local apps are in LOCAL_APPS.
THIRD_PARTY_APPS = [
    # Oscar: forks in commerce/ (money to the millime, marketplace rules); its search app is replaced.
    "oscar.config.Shop",
    "commerce.analytics.apps.AnalyticsConfig",
    "commerce.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "commerce.shipping.apps.ShippingConfig",
    "commerce.catalogue.apps.CatalogueConfig",
    "commerce.catalogue.reviews.apps.CatalogueReviewsConfig",
    "commerce.communication.apps.CommunicationConfig",
    "commerce.partner.apps.PartnerConfig",
    "commerce.basket.apps.BasketConfig",
    "commerce.payment.apps.PaymentConfig",
    "commerce.offer.apps.OfferConfig",
    "commerce.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "commerce.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "commerce.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "commerce.dashboard.orders.apps.OrdersDashboardConfig",
    "commerce.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "commerce.dashboard.shop.apps.ShopDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    # Wagtail and translations
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # API, realtime, search
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "django_elasticsearch_dsl",
    "csp",
    # Audit trail of money, identity-document and approval tables (database triggers)
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
]
#: Order matters: the first app holding a template or static file wins.
INSTALLED_APPS = ["modeltranslation", *DJANGO_APPS, *LOCAL_APPS, *THIRD_PARTY_APPS]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "commerce.core.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "commerce.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Security headers above the page cache, so cached pages carry them too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "commerce.core.security.SiteCSPMiddleware",
    "cms_pages.core.caching.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "commerce.core.language.RememberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "commerce.users.middleware.RequireMFAMiddleware",
    "commerce.users.middleware.RefuseSignedInUsersMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# --- Uploaded images (commerce/core/images.py) -------------------------------------------------
#: Largest image file accepted (bytes), before it is decoded and re-encoded.
UPLOADS_IMAGE_MAX_BYTES = env.int("UPLOADS_IMAGE_MAX_BYTES", default=5 * 1024 * 1024)
#: Largest image accepted, in pixels (width × height), read from the header before decoding.
UPLOADS_IMAGE_MAX_PIXELS = env.int("UPLOADS_IMAGE_MAX_PIXELS", default=24_000_000)
#: Wagtail's own upload checks use the same limits.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOADS_IMAGE_MAX_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = UPLOADS_IMAGE_MAX_PIXELS

# --- Security headers -------------------------------------------------------------------------
#: Content-Security-Policy of every page (django-csp): scripts from the site's own files or carrying
#: the request's nonce (``{{ request.csp_nonce }}``); styles may be inline (style attributes in Oscar,
#: Wagtail and TinyMCE); images also from ``data:``/``blob:`` and ``SECURITY_CSP_MEDIA_ORIGINS``.
SECURITY_CSP_MEDIA_ORIGINS = env.list("SECURITY_CSP_MEDIA_ORIGINS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # The 500 page's theme script, by hash: that page renders without a request (no nonce).
        "script-src": [SELF, NONCE, "'sha256-A2xJ/V6HACtNTwqqHaMAiG3T/dZhFXZv/oP97r8gSt4='"],
        # Oscar's dashboard "Cancel" links (history.go(-1)) and pop-up "Close" buttons: these two
        # handlers, by hash, and no other inline handler.
        "script-src-attr": [
            "'unsafe-hashes'",
            "'sha256-NqaPugiVKFsqU2P8L2sjJSLsiSKaQB+C9S5V0ZiRxfc='",  # window.history.go(-1);return false
            "'sha256-KfMr/znHoNXbaysXJVVD9BDDdgwELnZLrjgLxMfySJE='",  # window.close();return false;
        ],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *SECURITY_CSP_MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "worker-src": [SELF, "blob:"],
        # The CMS video block's players (cms_pages/core/blocks/content.py), loaded on the visitor's click.
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
#: Path prefixes whose pages still render inline scripts without a nonce (the Wagtail admin): there
#: scripts may be inline instead of nonced.
SECURITY_INLINE_SCRIPT_PATHS = ["/cms/"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "commerce.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "search.context_processors.search_form",
                "commerce.core.context_processors.site_chrome",
            ],
        },
    }
]

# --- Data -------------------------------------------------------------------------------------


def database(config: dict, pool_size: int) -> dict:
    """Requests in a transaction; with ``pool_size``, connections reused from a per-process pool.

    Under ASGI each request runs in a thread of its own, so persistent connections (CONN_MAX_AGE)
    pile up past PostgreSQL's max_connections; a pool (psycopg_pool) reuses a bounded number instead.
    """
    config["ATOMIC_REQUESTS"] = True
    config["CONN_MAX_AGE"] = 0 if pool_size else env.int("DATABASE_CONN_MAX_AGE", default=0)
    # Statements sent through commerce.core.prepared are prepared after this many runs on a
    # connection (Django's own cursors bind on the client and never prepare). Behind PgBouncer in
    # transaction mode this needs PgBouncer >= 1.21 with max_prepared_statements set.
    options = config.setdefault("OPTIONS", {})
    options.setdefault("prepare_threshold", 5)
    if pool_size:
        options["pool"] = {"min_size": 1, "max_size": pool_size, "timeout": 10}
    return config


#: PostgreSQL everywhere (row locks, exclusion constraints); ``make run`` writes its URL to var/local.env.
#: DATABASE_POOL_SIZE: connections each process keeps in its pool (0: a new connection per request).
DATABASES = {
    "default": database(
        env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/souk"),
        pool_size=env.int("DATABASE_POOL_SIZE", default=0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

#: One Redis for cache, broker and channel layer unless each is given its own URL.
REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "commerce.core.cache.ReusedClientRedisCache",
            "LOCATION": env("CACHE_URL", default=REDIS_URL),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="souk"),
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # redis-py 8's default 5 s socket timeout would end the layer's blocking read, and
                # with it every idle WebSocket (channels_redis #422). Its pool also refuses a 101st
                # connection at once: a burst of sockets joining (a chat, 100 calls) needs more.
                "hosts": [
                    {
                        "address": env("CHANNEL_LAYER_URL", default=REDIS_URL),
                        "socket_timeout": None,
                        "max_connections": env.int("CHANNEL_LAYER_MAX_CONNECTIONS", default=1000),
                    }
                ],
                "prefix": env("CHANNEL_LAYER_PREFIX", default="souk"),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Celery -----------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or "cache+memory://")
#: Without a broker (``make run``), tasks run in-process right away.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
#: No caller waits for a task's result (they are all fire-and-forget, queued after commit), so none
#: is stored: a stored result costs a Redis subscription per task sent and a key per task run.
CELERY_TASK_IGNORE_RESULT = True
#: Seconds a task may run before it is asked to stop (SoftTimeLimitExceeded, which a task may catch
#: to clean up), then before its worker process is killed. Short tasks set tighter limits of their own.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
CELERY_TIMEZONE = "Africa/Tunis"
#: Queue tasks go to when none is named (a test run gives its worker and beat a queue of their own).
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
#: Seconds between beat's heartbeats; ``/health/`` reports beat down after three missed ones.
CORE_BEAT_HEARTBEAT_SECONDS = env.int("CORE_BEAT_HEARTBEAT_SECONDS", default=30)
#: Seconds between beat's runs of the task that publishes and unpublishes scheduled CMS pages (a
#: promo goes offline at most this long after its end).
CMS_PUBLISH_SCHEDULED_SECONDS = env.int("CMS_PUBLISH_SCHEDULED_SECONDS", default=60)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "beat-heartbeat": {
        "task": "commerce.core.tasks.beat_heartbeat",
        "schedule": CORE_BEAT_HEARTBEAT_SECONDS,
    },
    "clear-expired-sessions": {
        "task": "commerce.users.tasks.clear_expired_sessions",
        "schedule": 24 * 3600,
    },
    "refresh-search-index": {
        "task": "search.tasks.reindex_stale_products",
        "schedule": 15 * 60,
    },
    "flush-product-views": {
        "task": "commerce.analytics.tasks.flush_product_views",
        "schedule": 60,
    },
    "complete-pending-refunds": {
        "task": "commerce.payment.tasks.complete_pending_refunds",
        "schedule": 5 * 60,
    },
    "wallet-expire-due-holds": {
        "task": "commerce.wallet.tasks.expire_due_holds",
        "schedule": 60,
    },
    "consultations-expire-due-messages": {
        "task": "commerce.consultations.tasks.expire_due_messages",
        "schedule": 60,
    },
    "wallet-nightly-check": {
        "task": "commerce.wallet.tasks.check_ledger",
        "schedule": crontab(hour=3, minute=15),
    },
    "send-pending-low-stock-alerts": {
        "task": "commerce.partner.tasks.send_pending_low_stock_alerts",
        "schedule": 15 * 60,
    },
    "cms-publish-scheduled-pages": {
        "task": "cms_pages.core.tasks.publish_scheduled_pages",
        "schedule": CMS_PUBLISH_SCHEDULED_SECONDS,
    },
    "cms-compute-product-rankings": {
        "task": "cms_pages.core.tasks.compute_product_rankings",
        "schedule": 3600,
    },
    "cms-help-feedback-digest": {
        "task": "cms_pages.help.tasks.send_feedback_digest",
        "schedule": 24 * 3600,
    },
    "notifications-send-digests": {
        "task": "commerce.notifications.tasks.send_digests",
        "schedule": 3600,
    },
    "notifications-send-due-announcements": {
        "task": "commerce.notifications.tasks.send_due_announcements",
        "schedule": 60,
    },
    # Bookings: reminders due, checkout holds past their time, imported calendars.
    "bookings-send-due-reminders": {
        "task": "commerce.bookings.tasks.send_due_reminders",
        "schedule": 60,
    },
    "bookings-release-expired-holds": {
        "task": "commerce.bookings.tasks.release_expired_holds",
        "schedule": 60,
    },
    "bookings-refresh-calendars": {
        "task": "commerce.bookings.tasks.refresh_calendars",
        "schedule": 15 * 60,
    },
    # Calls: rooms everyone left (their coins settled), recordings past their retention.
    "calls-end-due-calls": {
        "task": "commerce.calls.tasks.end_due_calls",
        "schedule": 60,
    },
    "calls-delete-old-recordings": {
        "task": "commerce.calls.tasks.delete_old_recordings",
        "schedule": 3600,
    },
    # Digital products: the chunks of uploads a seller never finished.
    "digital-sweep-abandoned-uploads": {
        "task": "commerce.digital.tasks.sweep_abandoned_uploads",
        "schedule": 3600,
    },
}

# --- Accounts (allauth) -----------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
#: After sign-in, sign-up, email confirmation and sign-out without a ``next``: the home page in the
#: language the user was using (a URL name reverses with the active language; "/" would be sent
#: on to the browser's language).
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "commerce.users.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
#: allauth's defaults, stated here so they are visible: failed logins are limited per IP and per email.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Souk")
USERSESSIONS_TRACK_ACTIVITY = True
#: Staff (is_staff) and members of the roles that handle other people's data or money (sellers,
#: experts, Marketing, Support, Platform admins: ``requires_mfa`` in commerce/users/roles.py) must
#: enrol a second factor before using the site when True.
USERS_REQUIRE_MFA = env.bool("USERS_REQUIRE_MFA", default=False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English")), ("ar", _("Arabic"))]
#: The language cookie outlives the browser session: the back-offices outside the language prefixes
#: (the dashboard) follow the language a signed-in user last used on the site or chose there.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
#: Our catalogues, then our fixes to libraries' Arabic catalogues (kept apart so makemessages keeps them).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "_third_party"]
#: Our date formats where Django's locale data has none (Arabic).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Africa/Tunis"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
#: French is the source; a text written in one language only still shows in the others.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en", "ar")}

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
#: Serve public uploads and thumbnails from Django (with cache headers) when no web server is in
#: front: ``make run`` and ``make bench-web``; production's nginx serves /media/ itself.
MEDIA_SERVED_BY_DJANGO = env.bool("MEDIA_SERVED_BY_DJANGO", default=False)
#: Thumbnails: JPEG and WebP at this quality (sorl's default, 95, is several times heavier).
THUMBNAIL_QUALITY = 80
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

#: Raise on a thumbnail that cannot be made instead of logging it (Oscar's setting, read by its image
#: tags and ours); off in production, where a broken upload must not take a page down.
OSCAR_THUMBNAIL_DEBUG = DEBUG

# --- Email ------------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Souk <no-reply@souk.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Oscar ------------------------------------------------------------------------------------
OSCAR_SHOP_NAME = SITE_NAME
OSCAR_SHOP_TAGLINE = _("Products, files, services and experts")
OSCAR_DEFAULT_CURRENCY = "TND"
#: Prices are tax-inclusive (TTC): offers and vouchers take their discounts off the price incl. tax
#: (Oscar's default takes them off the price excl. tax, then adds VAT on top of the discount).
OSCAR_OFFERS_INCL_TAX = True
OSCAR_HOMEPAGE = "/"
OSCAR_DYNAMIC_CLASS_LOADER = "search.loading.class_loader"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_ACCOUNTS_REDIRECT_URL = "customer:profile-view"
#: Back-in-stock emails leave after commit through Celery (commerce/partner/back_in_stock.py).
OSCAR_EAGER_ALERTS = False
#: Seconds anonymous visitors get a product page from the page cache (0: off); any change to the
#: product, its stock, price or images, or to the catalogue's structure, refreshes it at once.
CATALOGUE_PAGE_CACHE_SECONDS = env.int("CATALOGUE_PAGE_CACHE_SECONDS", default=600)
#: Seconds each product card's HTML is cached for every product grid (0: off); a change to the
#: product, its stock, price or images, or to the catalogue's structure, refreshes it at once.
CATALOGUE_CARD_CACHE_SECONDS = env.int("CATALOGUE_CARD_CACHE_SECONDS", default=600)
#: VAT included in each product's price, by the product's VAT class (Tunisia: 19, 13, 7 or 0 %).
PRICING_VAT_RATES = {"standard": "0.19", "intermediate": "0.13", "reduced": "0.07", "exempt": "0"}
#: Courier delivery price (TND, VAT included) for baskets with physical goods.
SHIPPING_FLAT_RATE = env("SHIPPING_FLAT_RATE", default="7.000")
#: Delivery is free from this basket total (TND, VAT included); empty: never free.
SHIPPING_FREE_ABOVE = env("SHIPPING_FREE_ABOVE", default="150.000")
PHONENUMBER_DEFAULT_REGION = "TN"
OSCAR_INITIAL_ORDER_STATUS = "pending-payment"
OSCAR_INITIAL_LINE_STATUS = "pending-payment"
#: Order statuses (constants and labels in commerce/order/statuses.py); lines follow the same pipeline.
OSCAR_ORDER_STATUS_PIPELINE = {
    "pending-payment": ("paid", "cancelled"),
    "paid": ("processing", "cancelled", "refunded"),
    "processing": ("shipped", "cancelled", "refunded"),
    "shipped": ("delivered", "refunded"),
    "delivered": ("refunded",),
    "cancelled": (),
    "refunded": (),
}
OSCAR_LINE_STATUS_PIPELINE = OSCAR_ORDER_STATUS_PIPELINE
OSCAR_ORDER_STATUS_CASCADE = {status: status for status in OSCAR_ORDER_STATUS_PIPELINE}
# Oscar's dashboard menu (OSCAR_DASHBOARD_NAVIGATION) gets the sellers' section in
# commerce/dashboard/menu.py, where its access functions can be imported.

# --- Reviews ----------------------------------------------------------------------------------
#: Only signed-in verified buyers review (commerce/catalogue/reviews/services.py).
OSCAR_ALLOW_ANON_REVIEWS = False
#: Who approves a review before it is published: "seller" (the product's seller, or a platform
#: admin) or "admin" (platform admins only). Empty publishes reviews at once.
REVIEWS_MODERATED_BY = env("REVIEWS_MODERATED_BY", default="seller")
OSCAR_MODERATE_REVIEWS = bool(REVIEWS_MODERATED_BY)

# --- Sellers ----------------------------------------------------------------------------------
#: Share of each sale the platform keeps for a new shop (a shop's own rate is set in the dashboard).
SELLERS_DEFAULT_COMMISSION_RATE = Decimal("0.20")
#: A low-stock alert goes to the seller when available stock falls below this (unless the stock
#: record sets its own threshold).
SELLERS_LOW_STOCK_THRESHOLD = 5
#: Product pages and cards say "Only N left" at this many units available or fewer, else "In stock".
CATALOGUE_FEW_LEFT = 5
#: Products per page on a shop's public page.
SELLERS_SHOP_PRODUCTS_PER_PAGE = 24
#: Largest stock CSV a seller may import at once (rows).
SELLERS_STOCK_IMPORT_MAX_ROWS = 5000

# --- Payments (Stripe) ------------------------------------------------------------------------
#: Secret API key (sk_live_… or sk_test_…). Empty: offline test mode against the local fake of Stripe.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
#: Publishable key (pk_…) for pages that load Stripe.js; the Checkout redirect does not need it.
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
#: Signing secret of the webhook endpoint (whsec_…); events without a valid signature are refused.
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
#: Base URL of the Stripe API: empty for Stripe itself, the local fake's URL in offline test mode.
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")

# --- Notifications: the admin's phone (Telegram, WhatsApp) -----------------------------------
#: Email of the admin on duty's account: notify() alerts them on the phone below (Telegram chat,
#: WhatsApp number). Empty: the first active superuser.
NOTIFICATIONS_PHONES_ADMIN_EMAIL = env("NOTIFICATIONS_PHONES_ADMIN_EMAIL", default="")
#: Telegram bot token (123456:ABC…) from @BotFather. Empty: offline test mode, the local fake of the
#: Bot API at NOTIFICATIONS_TELEGRAM_API_BASE receives the alerts (admins see them on the dashboard).
NOTIFICATIONS_TELEGRAM_TOKEN = env("NOTIFICATIONS_TELEGRAM_TOKEN", default="")
#: Chat of the admin on duty (a user id, or a group id such as -100…), where the bot sends alerts.
NOTIFICATIONS_TELEGRAM_CHAT_ID = env("NOTIFICATIONS_TELEGRAM_CHAT_ID", default="")
#: Base URL of the Bot API: empty for Telegram itself, the local fake's URL in offline test mode.
NOTIFICATIONS_TELEGRAM_API_BASE = env("NOTIFICATIONS_TELEGRAM_API_BASE", default="")
#: WhatsApp Cloud API access token (a system user's permanent token). Empty: offline test mode.
NOTIFICATIONS_WHATSAPP_TOKEN = env("NOTIFICATIONS_WHATSAPP_TOKEN", default="")
#: Id of the business phone number that sends (Meta's "phone number ID", not the number itself).
NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID = env("NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID", default="")
#: The admin on duty's WhatsApp number (E.164 digits, 21698…), where alerts go.
NOTIFICATIONS_WHATSAPP_ADMIN_NUMBER = env("NOTIFICATIONS_WHATSAPP_ADMIN_NUMBER", default="")
#: The shop's WhatsApp Business number (E.164 digits) that shoppers reach through a wa.me link.
NOTIFICATIONS_WHATSAPP_BUSINESS_NUMBER = env("NOTIFICATIONS_WHATSAPP_BUSINESS_NUMBER", default="")
#: Approved message template for alerts (one body parameter, the alert's text); empty: a text message,
#: which WhatsApp delivers only within 24 hours of the admin's last message to the business number.
NOTIFICATIONS_WHATSAPP_ALERT_TEMPLATE = env("NOTIFICATIONS_WHATSAPP_ALERT_TEMPLATE", default="")
#: Base URL of the Graph API with its version: empty for Meta's (v21.0), the local fake's in test mode.
NOTIFICATIONS_WHATSAPP_API_BASE = env("NOTIFICATIONS_WHATSAPP_API_BASE", default="")
#: Celery queue of the phone alerts, consumed by a worker of its own so they never wait behind
#: long tasks (the acceptance test: on the admin's phone within 10 seconds).
NOTIFICATIONS_PHONES_QUEUE = env("NOTIFICATIONS_PHONES_QUEUE", default="phones")
CELERY_TASK_ROUTES = ["commerce.notifications.phones.queue.route"]

# --- Invoices ---------------------------------------------------------------------------------
#: First part of every invoice number: F-S7-2026-000123 (seller 7's series, year, number).
INVOICES_NUMBER_PREFIX = env("INVOICES_NUMBER_PREFIX", default="F")
#: The platform's legal name, printed on its own invoices (shipping) and as issuer for the sellers.
INVOICES_PLATFORM_NAME = env("INVOICES_PLATFORM_NAME", default="Souk")
#: The platform's postal address on its invoices, lines separated by "|".
INVOICES_PLATFORM_ADDRESS = env("INVOICES_PLATFORM_ADDRESS", default="")
#: The platform's tax identifier (matricule fiscal) on its invoices.
INVOICES_PLATFORM_TAX_ID = env("INVOICES_PLATFORM_TAX_ID", default="")
#: Contact email printed on the platform's invoices.
INVOICES_PLATFORM_EMAIL = env("INVOICES_PLATFORM_EMAIL", default="")
#: First part of every credit note number: A-S7-2026-000012 (its own gapless series per seller).
INVOICES_CREDIT_NOTE_PREFIX = env("INVOICES_CREDIT_NOTE_PREFIX", default="A")

# --- Notifications (commerce/notifications) ---------------------------------------------------
#: The VAPID private key signing web push (``manage.py generate_vapid_key`` prints one); empty: no web push.
NOTIFICATIONS_VAPID_PRIVATE_KEY = env("NOTIFICATIONS_VAPID_PRIVATE_KEY", default="")
#: Who push services contact about our pushes (VAPID ``sub`` claim).
NOTIFICATIONS_VAPID_SUBJECT = env("NOTIFICATIONS_VAPID_SUBJECT", default="mailto:support@souk.example")
#: Accept ``http://`` push endpoints (only a loopback fake push service in tests uses them).
NOTIFICATIONS_PUSH_ALLOW_HTTP = False

# --- After the sale -----------------------------------------------------------------------------
#: Days after delivery during which a customer may ask to return delivered lines.
ORDERS_RETURN_WINDOW_DAYS = env.int("ORDERS_RETURN_WINDOW_DAYS", default=14)
#: Days a voucher given as a refund stays valid.
VOUCHER_REFUND_VALIDITY_DAYS = env.int("VOUCHER_REFUND_VALIDITY_DAYS", default=365)

# --- Messaging (commerce/messaging/) --------------------------------------------------------------
#: Largest attachment (picture or PDF) in a conversation, in bytes.
MESSAGING_ATTACHMENT_MAX_BYTES = env.int("MESSAGING_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)
#: Messages one person may send per minute, over all their conversations.
MESSAGING_MAX_MESSAGES_PER_MINUTE = env.int("MESSAGING_MAX_MESSAGES_PER_MINUTE", default=30)

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
#: Every snippet type is listed at /cms/snippets/ (they all live in menu groups, which would leave
#: the index empty and answer "no permission" even to a superuser).
WAGTAILSNIPPETS_MENU_SHOW_ALL = True
#: The admin asks releases.wagtail.org for new versions from the browser: off (CSP, no outside calls).
WAGTAIL_ENABLE_UPDATE_CHECK = False
#: The help centre's search: French stemming with accents ignored ("commandes" finds "commande",
#: "delai" finds "délai"); the configuration is created by cms_pages/help/migrations/0004.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "souk_search"}
}
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed"}]
#: "Translate this page" makes drafts: a translation goes live when someone publishes it, not when
#: it is created (wagtail-localize would otherwise publish untranslated copies of a live page).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- CMS pages (cms_pages/) -------------------------------------------------------------------
#: Seconds anonymous visitors get home, landing and promo pages from the page cache (0: off).
CMS_PAGE_CACHE_SECONDS = env.int("CMS_PAGE_CACHE_SECONDS", default=600)
#: Seconds the product-id lists of category/newest/ranking blocks are cached (prices never are).
CMS_PRODUCT_LIST_CACHE_SECONDS = env.int("CMS_PRODUCT_LIST_CACHE_SECONDS", default=300)
#: Days of orders behind the best-seller and "often bought together" blocks.
CMS_RANKING_DAYS = env.int("CMS_RANKING_DAYS", default=30)
#: Name of the Wagtail workflow every promo page goes through (created by sync_roles; empty: none).
CMS_PROMO_WORKFLOW_NAME = "Promo approval"
#: Most a voucher Marketing creates from a promo page may take off, in percent.
CMS_PROMO_VOUCHER_MAX_PERCENT = env.int("CMS_PROMO_VOUCHER_MAX_PERCENT", default=30)
#: Most times such a voucher may be used, all shoppers together.
CMS_PROMO_VOUCHER_MAX_USES = env.int("CMS_PROMO_VOUCHER_MAX_USES", default=1000)
#: Longest such a voucher may stay valid, in days.
CMS_PROMO_VOUCHER_MAX_DAYS = env.int("CMS_PROMO_VOUCHER_MAX_DAYS", default=31)
#: Refresh the strings to translate (wagtail-localize) when a French page is published.
CMS_SYNC_TRANSLATIONS_ON_PUBLISH = env.bool("CMS_SYNC_TRANSLATIONS_ON_PUBLISH", default=True)
#: (submissions, seconds) allowed per visitor address on each form page.
CMS_FORM_RATE_LIMIT = (env.int("CMS_FORM_RATE_LIMIT", default=5), 600)
#: (sign-ups, seconds) allowed per visitor address on the newsletter form.
CMS_NEWSLETTER_RATE_LIMIT = (5, 3600)
#: ("was this helpful?" answers, seconds) allowed per visitor address.
CMS_FEEDBACK_RATE_LIMIT = (20, 3600)
#: False on staging: robots.txt then disallows everything.
CMS_ROBOTS_ALLOW_INDEXING = env.bool("CMS_ROBOTS_ALLOW_INDEXING", default=True)
#: Addresses per sitemap file (the protocol's limit); more make /sitemap.xml an index of parts.
CMS_SITEMAP_MAX_URLS = 50_000

# --- Wallet (coins) ---------------------------------------------------------------------------
#: Millimes in one coin. A user wallet holds whole coins (a database CHECK built from this value:
#: changing it needs a migration, and wallets holding a balance that is no longer whole).
WALLET_COIN_MILLIMES = 500
#: Percent of each captured hold paid to the earner (the expert); the platform keeps the rest.
WALLET_EXPERT_SHARE_PERCENT = 80
#: Hours a hold waits for what it pays for before beat expires it and the coins go back.
WALLET_HOLD_TTL_HOURS = env.int("WALLET_HOLD_TTL_HOURS", default=72)
#: Percent withheld at source from an expert's payout when the expert chooses withholding.
WALLET_TAX_WITHHOLDING_PERCENT = 15
#: A wallet with fewer coins than this gets the "top up your coins" reminder (0: never).
WALLET_LOW_BALANCE_COINS = env.int("WALLET_LOW_BALANCE_COINS", default=10)

# --- Bookings ---------------------------------------------------------------------------------
#: Time zone of a new provider's calendar and of visitors whose browser tells none.
BOOKINGS_DEFAULT_TIME_ZONE = "Africa/Tunis"
#: Minutes a service slot stays held for a shopper's checkout before it is offered again.
BOOKINGS_CHECKOUT_HOLD_MINUTES = env.int("BOOKINGS_CHECKOUT_HOLD_MINUTES", default=15)
#: Hours before a confirmed booking its reminders are due (one reminder kind each: "24h", "1h").
BOOKINGS_REMINDER_HOURS = {"24h": 24, "1h": 1}
#: Import calendars from private or loopback addresses (never in production: tests serve feeds locally).
BOOKINGS_ICS_ALLOW_PRIVATE = env.bool("BOOKINGS_ICS_ALLOW_PRIVATE", default=False)
#: Import this site's own calendar feeds (``SITE_URL``) even on a loopback address: the demo's
#: expert who syncs a colleague's feed under ``make run``; no other private address is allowed by it.
BOOKINGS_ICS_ALLOW_OWN_SITE = env.bool("BOOKINGS_ICS_ALLOW_OWN_SITE", default=False)
#: Seconds and bytes an imported calendar may take.
BOOKINGS_ICS_TIMEOUT = 10
BOOKINGS_ICS_MAX_BYTES = 2_000_000
#: Most days one slots query may cover.
BOOKINGS_MAX_SLOT_DAYS = 31
#: Platform limits of what providers tune: the longest free-cancellation window and highest fee.
BOOKINGS_MAX_FREE_CANCELLATION_HOURS = 168
BOOKINGS_MAX_LATE_FEE_PERCENT = 100
# --- Digital products -------------------------------------------------------------------------
#: Downloads each buyer gets per order line unless the product says otherwise.
DIGITAL_DEFAULT_DOWNLOAD_LIMIT = env.int("DIGITAL_DEFAULT_DOWNLOAD_LIMIT", default=3)
#: Minutes a signed download link stays valid unless the product says otherwise.
DIGITAL_DEFAULT_LINK_MINUTES = env.int("DIGITAL_DEFAULT_LINK_MINUTES", default=15)
#: Largest file a seller may upload, in megabytes (a product may set less).
DIGITAL_MAX_UPLOAD_MB = env.int("DIGITAL_MAX_UPLOAD_MB", default=500)
#: Bytes of one chunk of a chunked upload.
DIGITAL_CHUNK_BYTES = 5 * 1024 * 1024
#: Hours after its last chunk when an unfinished chunked upload is removed from storage.
DIGITAL_UPLOAD_ABANDONED_HOURS = env.int("DIGITAL_UPLOAD_ABANDONED_HOURS", default=24)
#: Archive limits, counted while reading: total uncompressed bytes, and uncompressed/compressed ratio.
DIGITAL_ZIP_MAX_BYTES = env.int("DIGITAL_ZIP_MAX_BYTES", default=1024 * 1024 * 1024)
DIGITAL_ZIP_MAX_RATIO = env.int("DIGITAL_ZIP_MAX_RATIO", default=100)
#: Largest image a file may hold, in pixels (width × height).
DIGITAL_IMAGE_MAX_PIXELS = env.int("DIGITAL_IMAGE_MAX_PIXELS", default=80_000_000)
#: clamd's address ("tcp://host:port" or "unix:///path"); empty: no malware scan can run.
DIGITAL_CLAMD_URL = env("DIGITAL_CLAMD_URL", default="")
#: Publish files whose malware scan could not run (clamd unreachable). Never in production.
DIGITAL_ALLOW_UNSCANNED = env.bool("DIGITAL_ALLOW_UNSCANNED", default=False)
#: nginx fronts the site: downloads answer ``X-Accel-Redirect`` to this internal location
#: (deploy/nginx) instead of streaming the file through Django; empty streams with FileResponse.
DIGITAL_X_ACCEL_PREFIX = env("DIGITAL_X_ACCEL_PREFIX", default="")
#: A buyer downloading one line from more addresses than this is reported to the seller.
DIGITAL_ALERT_ADDRESSES = env.int("DIGITAL_ALERT_ADDRESSES", default=3)

# --- Calls (commerce/calls/) ----------------------------------------------------------------------
#: Minutes before a booking's start its call page opens (lobby, camera and microphone check).
CALLS_OPENS_MINUTES_BEFORE = 10
#: Seconds between two heartbeats of a participant's socket (the browser sends them).
CALLS_HEARTBEAT_SECONDS = 15
#: A longer silence than this (seconds) between two heartbeats is a drop: the meter pauses.
CALLS_MAX_GAP_SECONDS = 45
#: Seconds with no heartbeat from either side after which beat ends a started call.
CALLS_ABANDON_SECONDS = env.int("CALLS_ABANDON_SECONDS", default=120)
#: Minutes one "extend" buys (a new coin hold at the call's price).
CALLS_EXTENSION_MINUTES = env.int("CALLS_EXTENSION_MINUTES", default=10)
#: Days a recording is kept before beat deletes it.
CALLS_RECORDING_RETENTION_DAYS = env.int("CALLS_RECORDING_RETENTION_DAYS", default=30)
#: coturn's ``static-auth-secret`` (``use-auth-secret``): TURN passwords are HMACs of it.
CALLS_TURN_SECRET = env("CALLS_TURN_SECRET", default="")
#: TURN and STUN addresses given to browsers (``turn:host:3478?transport=udp``, ``stun:host:3478``).
CALLS_TURN_URLS = env.list("CALLS_TURN_URLS", default=[])
CALLS_STUN_URLS = env.list("CALLS_STUN_URLS", default=[])
#: Seconds a TURN credential stays valid (it must outlast the longest call).
CALLS_TURN_TTL_SECONDS = 6 * 3600
#: ``all`` (direct paths first) or ``relay`` (TURN only: hides addresses; the tests force it).
CALLS_ICE_TRANSPORT_POLICY = env("CALLS_ICE_TRANSPORT_POLICY", default="all")
#: Largest signaling frame (bytes of JSON), recording chunk and whiteboard image accepted (the two
#: uploads stay under Django's DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB: a 2 s webm chunk is far smaller).
CALLS_MAX_FRAME_BYTES = 64_000
CALLS_MAX_CHUNK_BYTES = 2_000_000
CALLS_MAX_WHITEBOARD_BYTES = 2_000_000

# --- API --------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "commerce.api.schema.AutoSchema",
    # Token first: DRF answers an unauthenticated call with the first class's challenge, 401 with
    # ``WWW-Authenticate: Token`` (the session class has none, which turned a bad token into a 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "commerce.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "commerce.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 24,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # DRF's anon and user limits, both windows of a call counted in one Redis round trip.
    "DEFAULT_THROTTLE_CLASSES": ["commerce.api.throttling.RateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "240/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Souk API",
    "DESCRIPTION": "Headless access to the storefront, accounts and marketplace.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["config.schema.public_api_only"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choices of fields with the same name in several apps ("kind", "status") get their model's name.
    "ENUM_NAME_OVERRIDES": {
        "BookingStatusEnum": "commerce.bookings.models.Booking.Status",
        "PaidMessageKindEnum": "commerce.consultations.models.PaidMessage.Kind",
        "PaidMessageStatusEnum": "commerce.consultations.models.PaidMessage.Status",
    },
}

# --- Search -----------------------------------------------------------------------------------
#: Elasticsearch (production) or osmem-server (local, tests) base URL.
SEARCH_URL = env("SEARCH_URL", default="http://127.0.0.1:9200")
#: Rewrite Elasticsearch's compatibility media types to plain JSON (osmem-server refuses them):
#: search/transport.py.
SEARCH_PLAIN_JSON = env.bool("SEARCH_PLAIN_JSON", default=False)
#: Seconds a storefront query may take before the page gives up on search.
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=2.0)
#: Prefix of every index name, so several sites or test runs can share one cluster.
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="souk")
#: Built-in analyzer of Arabic texts: ``arabic`` in Elasticsearch; osmem-server (local, tests) names it
#: ``ar`` and refuses ``arabic`` (a custom ``{"type": "arabic"}`` analyzer there silently does nothing).
SEARCH_ARABIC_ANALYZER = env("SEARCH_ARABIC_ANALYZER", default="arabic")
ELASTICSEARCH_DSL = {
    "default": {
        "hosts": SEARCH_URL,
        "request_timeout": SEARCH_TIMEOUT,
        "max_retries": 0,
    }
}
# With SEARCH_PLAIN_JSON, search/apps.py gives this connection the plain-JSON node class.
ELASTICSEARCH_DSL_AUTO_REFRESH = env.bool("ELASTICSEARCH_DSL_AUTO_REFRESH", default=False)
ELASTICSEARCH_DSL_SIGNAL_PROCESSOR = "search.indexing.OnCommitCelerySignalProcessor"
ELASTICSEARCH_DSL_PARALLEL = False
#: How many recent searches a user (or a guest's session) keeps; older ones are dropped.
SEARCH_RECENT_KEPT = 10
#: How many saved searches ("alert me") one user may keep.
SEARCH_SAVED_MAX = 50
#: Suggestions returned while typing (products, categories and experts together).
SEARCH_SUGGEST_SIZE = 8
#: Every hour every listed expert's next free call slot is worked out again, so a slot that
#: passed unbooked stops counting and the "available today / within N days" windows move with the
#: date (kept data after a restart is right within the hour too).
CELERY_BEAT_SCHEDULE["search-refresh-expert-availability"] = {
    "task": "search.tasks.refresh_expert_availability",
    "schedule": crontab(minute=5),
}

# --- Private storage (commerce/core/private_storage.py) -----------------------------------------
#: Fernet keys (urlsafe base64, 32 bytes) encrypting identity documents at rest, newest first: add a
#: new key in front to rotate, old files stay readable. Empty (local, tests): one derived from SECRET_KEY.
PRIVATE_STORAGE_ENCRYPTION_KEYS = env.list("PRIVATE_STORAGE_ENCRYPTION_KEYS", default=[])

# --- Experts (commerce/experts/) -------------------------------------------------------------
#: Minutes a video call lasts at least (the client pays at least this many minutes).
EXPERTS_CALL_MINIMUM_MINUTES = env.int("EXPERTS_CALL_MINIMUM_MINUTES", default=10)
#: Seconds anonymous visitors get the experts directory and profiles from the page cache (0: off);
#: any expert change refreshes them at once.
EXPERTS_PAGE_CACHE_SECONDS = env.int("EXPERTS_PAGE_CACHE_SECONDS", default=300)
#: Experts per page of the public directory.
EXPERTS_PER_PAGE = 24
#: Largest identity-document upload, in bytes.
EXPERTS_DOCUMENT_MAX_BYTES = 8 * 1024 * 1024

# --- Consultations (commerce/consultations/) ---------------------------------------------------
#: Hours an expert has to answer a paid message; after them its coins go back to the client.
CONSULTATIONS_REPLY_HOURS = env.int("CONSULTATIONS_REPLY_HOURS", default=72)
#: Hours the escrow hold outlives the message's deadline, so the consultations sweep (not the
#: wallet's) closes an unanswered message and tells both sides.
CONSULTATIONS_HOLD_GRACE_HOURS = 2
#: Largest video question or answer, in bytes, and its longest duration in seconds.
CONSULTATIONS_VIDEO_MAX_BYTES = env.int("CONSULTATIONS_VIDEO_MAX_BYTES", default=50 * 1024 * 1024)
CONSULTATIONS_VIDEO_MAX_SECONDS = env.int("CONSULTATIONS_VIDEO_MAX_SECONDS", default=180)
# --- Social proof (commerce/socialproof/): LinkedIn and Instagram linked to expert accounts -------
#: OAuth clients from LinkedIn (an OpenID Connect app) and Meta (Business Login for Instagram);
#: without a client id the provider is off: no button, no link URL that works.
SOCIALPROOF_LINKEDIN_CLIENT_ID = env("SOCIALPROOF_LINKEDIN_CLIENT_ID", default="")
SOCIALPROOF_LINKEDIN_SECRET = env("SOCIALPROOF_LINKEDIN_SECRET", default="")
#: LinkedIn's OpenID Connect issuer (its discovery document is under /.well-known/).
SOCIALPROOF_LINKEDIN_SERVER_URL = "https://www.linkedin.com/oauth"
SOCIALPROOF_INSTAGRAM_CLIENT_ID = env("SOCIALPROOF_INSTAGRAM_CLIENT_ID", default="")
SOCIALPROOF_INSTAGRAM_SECRET = env("SOCIALPROOF_INSTAGRAM_SECRET", default="")
#: Business Login for Instagram's endpoints (authorize, code exchange, profile).
SOCIALPROOF_INSTAGRAM_AUTHORIZE_URL = "https://www.instagram.com/oauth/authorize"
SOCIALPROOF_INSTAGRAM_TOKEN_URL = "https://api.instagram.com/oauth/access_token"  # noqa: S105 - a URL
SOCIALPROOF_INSTAGRAM_PROFILE_URL = "https://graph.instagram.com/v21.0/me"
SOCIALACCOUNT_ADAPTER = "commerce.socialproof.adapter.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "linkedin",
                "name": "LinkedIn",
                "client_id": SOCIALPROOF_LINKEDIN_CLIENT_ID,
                "secret": SOCIALPROOF_LINKEDIN_SECRET,
                "settings": {"server_url": SOCIALPROOF_LINKEDIN_SERVER_URL, "scope": ["openid", "profile"]},
            }
        ]
        if SOCIALPROOF_LINKEDIN_CLIENT_ID
        else []
    },
    "instagram": {
        "APPS": [{"client_id": SOCIALPROOF_INSTAGRAM_CLIENT_ID, "secret": SOCIALPROOF_INSTAGRAM_SECRET}]
        if SOCIALPROOF_INSTAGRAM_CLIENT_ID
        else []
    },
}
#: Linking only: nobody signs up through a social account, and access tokens are not kept.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False

# --- Expert payouts (commerce/payouts/) ---------------------------------------------------------
#: Smallest payout an expert may ask for, in TND (bank-transfer fees are counted in TND, and
#: earnings are millimes, not whole coins).
PAYOUTS_MINIMUM_TND = Decimal(env("PAYOUTS_MINIMUM_TND", default="50.000"))
#: VAT rate included in the share of a VAT-registered expert (tax option 1), shown on statements.
PAYOUTS_VAT_PERCENT = 19

# --- Logging ----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
    },
}
