from django.urls import path
from rest_framework.routers import SimpleRouter

from commerce.wallet.api import WalletEntriesView, WalletView

from .experts import ExpertDetailView, ExpertListView
from .notifications import NotificationListView, NotificationReadView
from .search import SavedSearchesView, SearchView, SuggestView
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
    *router.urls,
    path("basket/", BasketView.as_view(), name="api-basket"),
    path("basket/lines/", BasketLinesView.as_view(), name="api-basket-lines"),
    path("basket/lines/<int:pk>/", BasketLineView.as_view(), name="api-basket-line"),
    path("checkout/", CheckoutView.as_view(), name="api-checkout"),
    path("experts/", ExpertListView.as_view(), name="api-experts"),
    path("experts/<slug:slug>/", ExpertDetailView.as_view(), name="api-expert"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("search/", SearchView.as_view(), name="api-search"),
    path("search/suggest/", SuggestView.as_view(), name="api-search-suggest"),
    path("saved-searches/", SavedSearchesView.as_view(), name="api-saved-searches"),
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
