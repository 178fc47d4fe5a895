"""The shopper's "tell me when it is back" form (Oscar's view), remembering a guest's language."""

from django.utils.translation import get_language
from oscar.apps.customer.alerts.views import ProductAlertCreateView as OscarProductAlertCreateView

from commerce.communication.utils import remember_guest_language


class ProductAlertCreateView(OscarProductAlertCreateView):
    """A guest's alert is answered later, outside any request: its language is kept with its
    address (a signed-in shopper's language is on their account)."""

    def form_valid(self, form):
        # Before Oscar sends the guest's confirmation, which speaks the address's language too.
        if not self.request.user.is_authenticated:
            remember_guest_language(form.cleaned_data.get("email"), get_language())
        return super().form_valid(form)
