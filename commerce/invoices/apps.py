from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvoicesConfig(AppConfig):
    """PDF invoices of orders: one per seller (the legal vendor), numbered without gaps per series, year."""

    name = "commerce.invoices"
    label = "invoices"
    verbose_name = _("Invoices")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        # Imported once the app registry is ready (they load models).
        from commerce.invoices.documents import documents_for_email
        from commerce.order import emails

        emails.register_documents(documents_for_email)
