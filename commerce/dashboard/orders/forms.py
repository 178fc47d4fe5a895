"""Order search of the dashboard: status, date range, order number, buyer email."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from oscar.apps.dashboard.orders.forms import OrderNoteForm, OrderStatsForm, ShippingAddressForm  # noqa: F401
from oscar.apps.dashboard.orders.forms import OrderStatusForm as OscarOrderStatusForm

from commerce.order import statuses

EXPORT_FORMATS = ("csv", "xlsx", "pdf")


def status_choices(empty_label):
    return [("", empty_label), *((status, statuses.label(status)) for status in statuses.PIPELINE)]


class OrderSearchForm(forms.Form):
    order_number = forms.CharField(label=_("Order number"), required=False)
    email = forms.CharField(label=_("Buyer email"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=())
    date_from = forms.DateField(
        label=pgettext_lazy("start date", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=pgettext_lazy("end date", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = status_choices(_("Any status"))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data


class OrderStatusForm(OscarOrderStatusForm):
    """Oscar's whole-order status form, with the statuses' labels instead of their codes."""

    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        self.fields["new_status"].choices = [
            (status, statuses.label(status)) for status in order.available_statuses()
        ]


class ShipmentForm(forms.Form):
    """The parcel's optional tracking, given when a seller marks its lines shipped."""

    tracking_number = forms.CharField(label=_("Tracking number"), max_length=64, required=False)
    carrier = forms.CharField(label=_("Carrier"), max_length=64, required=False)

    def errors_as_text(self):
        return [
            f"{self.fields[name].label}: {error}" for name, errors in self.errors.items() for error in errors
        ]
