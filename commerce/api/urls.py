from django.urls import path
from rest_framework.routers import SimpleRouter

from commerce.wallet.api import WalletEntriesView, WalletView

from .bookings import (
    BookingsView,
    CancelBookingView,
    ConfirmBookingView,
    DeclineBookingView,
    ExpertSlotsView,
    ProductSlotsView,
    RescheduleBookingView,
)
from .consultations import DeclineView, ExpertMessagesView, MessagesView, ReplyView
from .digital import DownloadsView, LicenceActivateView, LicenceDeactivateView, LicenceVerifyView
from .experts import ExpertDetailView, ExpertListView
from .notifications import NotificationListView, NotificationReadView
from .search import SavedSearchesView, SearchView, SuggestView
from .subscriptions import CancelView, PauseView, ResumeView, SubscriptionsView
from .threads import ThreadMessagesView, ThreadsView
from .views import (
    BasketLinesView,
    BasketLineView,
    BasketView,
    CheckoutView,
    OrderCreditNoteView,
    OrderInvoiceView,
    OrderViewSet,
    ProductViewSet,
    TokenView,
)

router = SimpleRouter()
router.register("products", ProductViewSet, basename="api-product")
router.register("orders", OrderViewSet, basename="api-order")

urlpatterns = [
    path("products/<int:pk>/slots/", ProductSlotsView.as_view(), name="api-product-slots"),
    *router.urls,
    path("basket/", BasketView.as_view(), name="api-basket"),
    path("basket/lines/", BasketLinesView.as_view(), name="api-basket-lines"),
    path("basket/lines/<int:pk>/", BasketLineView.as_view(), name="api-basket-line"),
    path("checkout/", CheckoutView.as_view(), name="api-checkout"),
    path("experts/", ExpertListView.as_view(), name="api-experts"),
    path("experts/<slug:slug>/", ExpertDetailView.as_view(), name="api-expert"),
    path("experts/<slug:slug>/messages/", ExpertMessagesView.as_view(), name="api-expert-messages"),
    path("messages/", MessagesView.as_view(), name="api-messages"),
    path("messages/<int:pk>/reply/", ReplyView.as_view(), name="api-message-reply"),
    path("messages/<int:pk>/decline/", DeclineView.as_view(), name="api-message-decline"),
    path("experts/<slug:slug>/slots/", ExpertSlotsView.as_view(), name="api-expert-slots"),
    path("bookings/", BookingsView.as_view(), name="api-bookings"),
    path("bookings/<int:pk>/cancel/", CancelBookingView.as_view(), name="api-booking-cancel"),
    path("bookings/<int:pk>/confirm/", ConfirmBookingView.as_view(), name="api-booking-confirm"),
    path("bookings/<int:pk>/decline/", DeclineBookingView.as_view(), name="api-booking-decline"),
    path("bookings/<int:pk>/reschedule/", RescheduleBookingView.as_view(), name="api-booking-reschedule"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("search/", SearchView.as_view(), name="api-search"),
    path("search/suggest/", SuggestView.as_view(), name="api-search-suggest"),
    path("saved-searches/", SavedSearchesView.as_view(), name="api-saved-searches"),
    path("wallet/", WalletView.as_view(), name="api-wallet"),
    path("wallet/entries/", WalletEntriesView.as_view(), name="api-wallet-entries"),
    path("notifications/", NotificationListView.as_view(), name="api-notifications"),
    path("notifications/<int:pk>/read/", NotificationReadView.as_view(), name="api-notification-read"),
    path("subscriptions/", SubscriptionsView.as_view(), name="api-subscriptions"),
    path("subscriptions/<int:pk>/cancel/", CancelView.as_view(), name="api-subscription-cancel"),
    path("subscriptions/<int:pk>/resume/", ResumeView.as_view(), name="api-subscription-resume"),
    path("subscriptions/<int:pk>/pause/", PauseView.as_view(), name="api-subscription-pause"),
    path("threads/", ThreadsView.as_view(), name="api-threads"),
    path("downloads/", DownloadsView.as_view(), name="api-downloads"),
    path("licenses/verify/", LicenceVerifyView.as_view(), name="api-licenses-verify"),
    path("licenses/activate/", LicenceActivateView.as_view(), name="api-licenses-activate"),
    path("licenses/deactivate/", LicenceDeactivateView.as_view(), name="api-licenses-deactivate"),
    path("threads/<int:pk>/messages/", ThreadMessagesView.as_view(), name="api-thread-messages"),
    path(
        "orders/<str:number>/invoices/<str:invoice_number>/",
        OrderInvoiceView.as_view(),
        name="api-order-invoice",
    ),
    path(
        "orders/<str:number>/credit-notes/<str:credit_note_number>/",
        OrderCreditNoteView.as_view(),
        name="api-order-credit-note",
    ),
]
