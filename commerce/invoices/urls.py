"""Download URLs, mounted by config/urls.py in two places.

``customer_patterns`` under ``<lang>/accounts/orders/`` (before Oscar's customer app) and
``dashboard_patterns`` under ``dashboard/invoices/`` (before Oscar's dashboard).
"""

from django.urls import path

from commerce.invoices import views

customer_patterns = (
    [
        path(
            "<str:order_number>/invoice/<str:invoice_number>/",
            views.customer_download,
            name="customer-download",
        ),
        path(
            "<str:order_number>/invoice/<str:invoice_number>/<str:verification_hash>/",
            views.guest_download,
            name="guest-download",
        ),
        path(
            "<str:order_number>/credit-note/<str:number>/",
            views.customer_credit_note,
            name="customer-credit-note",
        ),
        path(
            "<str:order_number>/credit-note/<str:number>/<str:verification_hash>/",
            views.guest_credit_note,
            name="guest-credit-note",
        ),
    ],
    "invoices",
)

dashboard_patterns = (
    [
        path("<int:pk>/download/", views.back_office_download, name="download"),
        path("credit-notes/<int:pk>/download/", views.back_office_credit_note, name="credit-note"),
    ],
    "invoices-dashboard",
)
