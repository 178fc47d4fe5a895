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
)
from .experts import ExpertDetailView, ExpertListView
from .notifications import NotificationListView, NotificationReadView
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
    path("experts/<slug:slug>/slots/", ExpertSlotsView.as_view(), name="api-expert-slots"),
    path("bookings/", BookingsView.as_view(), name="api-bookings"),
    path("bookings/<int:pk>/cancel/", CancelBookingView.as_view(), name="api-booking-cancel"),
    path("bookings/<int:pk>/confirm/", ConfirmBookingView.as_view(), name="api-booking-confirm"),
    path("bookings/<int:pk>/decline/", DeclineBookingView.as_view(), name="api-booking-decline"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("wallet/", WalletView.as_view(), name="api-wallet"),
    path("wallet/entries/", WalletEntriesView.as_view(), name="api-wallet-entries"),
    path("notifications/", NotificationListView.as_view(), name="api-notifications"),
    path("notifications/<int:pk>/read/", NotificationReadView.as_view(), name="api-notification-read"),
    path("threads/", ThreadsView.as_view(), name="api-threads"),
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
