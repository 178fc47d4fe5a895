from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    """Returns of delivered lines: the customer asks, the seller (or an admin) approves or refuses,
    an approved return is refunded to the card or as a voucher through the refund service."""

    name = "commerce.returns"
    label = "returns"
    verbose_name = _("Returns")
    default_auto_field = "django.db.models.AutoField"
