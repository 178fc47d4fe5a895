"""URL map: unprefixed back-offices and machine endpoints, then the shopper site under /fr/, /en/, /ar/.

Order matters: allauth is mounted before Oscar's customer app on ``accounts/`` so allauth owns login,
logout and sign-up while Oscar keeps profile, orders and addresses; Wagtail's catch-all comes last.
"""

from allauth.account.decorators import secure_admin_login
from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms_pages.core import views as cms_views
from commerce.core.health import health
from commerce.core.media import serve_media
from commerce.dashboard.access import require_dashboard_access
from commerce.experts import urls as expert_urls
from commerce.invoices import urls as invoice_urls
from commerce.messaging import urls as messaging_urls
from commerce.notifications import views as notification_views
from commerce.order.views import GuestOrderView, OrderLineView
from commerce.partner.views import ProductAlertCreateView
from commerce.payment.stripe import views as stripe_views
from commerce.returns import urls as return_urls
from commerce.users.views import LoginRedirectView, ProfileUpdateView, WhatsAppConsentView
from config.errors import API_PREFIX

# The Django admin signs in through allauth too (rate limits, MFA).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("health/", health, name="health"),
    path("django-admin/", admin.site.urls),
    path("cms/login/", LoginRedirectView.as_view(), name="cms-login"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("dashboard/login/", LoginRedirectView.as_view(), name="dashboard-login"),
    # Outside the dashboard gate: Support grants goodwill coins here; each view checks its roles.
    path("dashboard/wallet/", include("commerce.wallet.dashboard.urls")),
    path("dashboard/bookings/", include("commerce.bookings.dashboard.urls")),
    path(
        "dashboard/",
        include(
            require_dashboard_access(
                [
                    path("payments/", include("commerce.payment.dashboard.urls")),
                    path("phones/", include("commerce.notifications.phones.urls")),
                    path("invoices/", include(invoice_urls.dashboard_patterns)),
                    path("returns/", include(return_urls.dashboard_patterns)),
                    path("messages/", include(messaging_urls.dashboard_patterns)),
                    path("experts/", include("commerce.experts.dashboard.urls")),
                    path("", apps.get_app_config("dashboard").urls),
                ]
            )
        ),
    ),
    path(API_PREFIX, include("config.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    *messaging_urls.attachment_patterns,
    path("payments/stripe/webhook/", stripe_views.webhook, name="stripe-webhook"),
    path("sitemap.xml", cms_views.sitemap_xml, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots-txt"),
]

urlpatterns += i18n_patterns(
    path("accounts/register/", RedirectView.as_view(pattern_name="account_signup", query_string=True)),
    path("accounts/wallet/", include("commerce.wallet.urls")),
    path("", include("commerce.bookings.urls")),
    path("", include("commerce.calls.urls")),
    path("accounts/", include("allauth.urls")),
    path("accounts/orders/", include(invoice_urls.customer_patterns)),
    path("accounts/orders/", include(return_urls.customer_patterns)),
    # Before Oscar's customer app: the signed link opens a guest's order (Oscar asks for the email).
    path(
        "accounts/order-status/<str:order_number>/<str:hash>/",
        GuestOrderView.as_view(),
        name="order-status",
    ),
    # Oscar's account pages that allauth replaces lead to allauth's (Oscar's mail links to password
    # reset pages allauth owns); the profile page keeps the names and links to allauth's email page.
    path(
        "accounts/change-password/",
        login_required(RedirectView.as_view(pattern_name="account_change_password")),
    ),
    path("accounts/profile/edit/", login_required(ProfileUpdateView.as_view())),
    path("accounts/whatsapp/", WhatsAppConsentView.as_view(), name="whatsapp-consent"),
    path("accounts/orders/<str:order_number>/<int:line_id>/", login_required(OrderLineView.as_view())),
    path("accounts/alerts/create/<int:pk>/", ProductAlertCreateView.as_view()),
    # Oscar's notification inbox and archive: the notification centre replaces them.
    path("accounts/notifications/", RedirectView.as_view(pattern_name="notifications:centre")),
    path("accounts/notifications/inbox/", RedirectView.as_view(pattern_name="notifications:centre")),
    path("accounts/notifications/archive/", notification_views.archived_redirect),
    path("accounts/", apps.get_app_config("customer").urls),
    path("notifications/", include("commerce.notifications.urls")),
    path("catalogue/", apps.get_app_config("catalogue").urls),
    path("basket/", apps.get_app_config("basket").urls),
    path("checkout/stripe/", include("commerce.payment.stripe.urls")),
    path("checkout/", apps.get_app_config("checkout").urls),
    path("search/", apps.get_app_config("search").urls),
    path("offers/", apps.get_app_config("offer").urls),
    path("wishlists/", apps.get_app_config("wishlists").urls),
    path("shops/", include("commerce.sellers.urls")),
    path("messages/", include(messaging_urls.patterns)),
    path("support/", include(messaging_urls.support_patterns)),
    path("expert/", include(expert_urls.space_patterns)),
    path("experts/", include(expert_urls.public_patterns)),
    path("newsletter/", include("cms_pages.core.urls")),
    # The home page by name, so redirects after sign-in reverse it in the visitor's language.
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.MEDIA_SERVED_BY_DJANGO:
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns = [re_path(rf"^{media_prefix}/(?P<path>.+)$", serve_media, name="media")] + urlpatterns

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
