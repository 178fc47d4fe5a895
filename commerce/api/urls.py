from django.urls import path
from rest_framework.routers import SimpleRouter

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
    *router.urls,
    path("basket/", BasketView.as_view(), name="api-basket"),
    path("basket/lines/", BasketLinesView.as_view(), name="api-basket-lines"),
    path("basket/lines/<int:pk>/", BasketLineView.as_view(), name="api-basket-line"),
    path("checkout/", CheckoutView.as_view(), name="api-checkout"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("threads/", ThreadsView.as_view(), name="api-threads"),
    path("threads/<int:pk>/messages/", ThreadMessagesView.as_view(), name="api-thread-messages"),
    path("notifications/", NotificationListView.as_view(), name="api-notifications"),
    path("notifications/<int:pk>/read/", NotificationReadView.as_view(), name="api-notification-read"),
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
