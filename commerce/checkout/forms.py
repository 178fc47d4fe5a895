"""The one-page checkout form: who, where (only when something ships), and how to pay."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from phonenumber_field.formfields import PhoneNumberField

from commerce.core.validation import BoundedIntegerField, validate_name_characters
from commerce.users.forms import whatsapp_consent_field
from commerce.users.selectors import current_whatsapp_consent

from .selectors import last_phone, saved_addresses

Order = get_model("order", "Order")


class QuickCheckoutForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=255, validators=[validate_name_characters])
    last_name = forms.CharField(label=_("Last name"), max_length=255, validators=[validate_name_characters])
    email = forms.EmailField(label=_("Email"), help_text=_("Your confirmation and invoice are sent here."))
    phone = PhoneNumberField(label=_("Phone"), region="TN", help_text=_("The courier calls this number."))
    line1 = forms.CharField(label=_("Address"), max_length=255, required=False)
    city = forms.CharField(label=_("City"), max_length=255, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=16, required=False)
    notes = forms.CharField(
        label=_("Delivery instructions"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    payment_method = forms.ChoiceField(
        label=_("Payment"), choices=Order.PAYMENT_METHODS, widget=forms.RadioSelect
    )

    def __init__(self, *args, ships=True, cash_on_delivery=True, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.addresses = {}
        if ships:
            self.fields["line1"].required = self.fields["city"].required = True
            self._offer_saved_addresses(user)
        else:
            for name in ("line1", "city", "postcode", "notes"):
                del self.fields[name]
        guest = not (user and user.is_authenticated)
        if guest or current_whatsapp_consent(user) is None:
            # Explicit and unticked: the shopper may agree to WhatsApp messages at this phone number,
            # revocable in their account, or for a guest on their order's signed page.
            self.fields["whatsapp_opt_in"] = whatsapp_consent_field(guest=guest)
            self.order_fields([*list(self.fields)[: list(self.fields).index("phone") + 1], "whatsapp_opt_in"])
        if not cash_on_delivery:
            self.fields["payment_method"].choices = [(Order.CARD, _("Card"))]
        self.fields["payment_method"].initial = Order.CARD
        if user and user.is_authenticated:
            self.fields["email"].initial = user.email
            self.fields["first_name"].initial = user.first_name
            self.fields["last_name"].initial = user.last_name
            self.fields["phone"].initial = self.fields["phone"].initial or last_phone(user)
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "email": "email",
            "phone": "tel",
            "line1": "address-line1",  # one line: "street-address" is for a multi-line field
            "city": "address-level2",
            "postcode": "postal-code",
        }
        for name, token in autocomplete.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = token

    def _offer_saved_addresses(self, user):
        """A signed-in shopper picks one of their saved addresses (the default one chosen) or
        types a new one; the chosen address fills the delivery fields when the form is checked."""
        self.addresses = {str(address.pk): address for address in saved_addresses(user)}
        if not self.addresses:
            return
        default = next(iter(self.addresses.values()))
        self.fields["saved_address"] = forms.ChoiceField(
            label=_("Deliver to"),
            required=False,
            choices=[(pk, address.summary) for pk, address in self.addresses.items()]
            + [("", _("A new address"))],
            widget=forms.RadioSelect,
            initial=str(default.pk),
        )
        self.fields["line1"].required = self.fields["city"].required = False
        if default.phone_number:
            self.fields["phone"].initial = default.phone_number

    def clean(self):
        data = super().clean()
        address = self.addresses.get(data.get("saved_address") or "")
        if address is not None:
            data.update(line1=address.line1, city=address.line4, postcode=address.postcode)
        elif self.addresses:
            for name in ("line1", "city"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, self.fields[name].error_messages["required"])
        return data


class BuyNowForm(QuickCheckoutForm):
    """The pop-up checkout's form: the quick checkout's fields and how many of the one product."""

    quantity = BoundedIntegerField(label=_("Quantity"), min_value=1, initial=1, widget=forms.HiddenInput)

    def __init__(self, *args, purchase_info, variants=None, **kwargs):
        """``purchase_info`` is the chosen product's; ``variants``, a parent's variants on offer,
        adds their choice (the view reads the same ``child`` to price the chosen one)."""
        self.purchase_info = purchase_info
        super().__init__(*args, **kwargs)
        if variants:
            self.fields["child"] = forms.TypedChoiceField(
                label=_("Variant"),
                coerce=int,
                choices=[(variant.pk, variant_label(variant)) for variant in variants],
                widget=forms.Select(attrs={"data-buy-now-variant": ""}),
            )
            self.order_fields(["child"])

    def clean_quantity(self):
        """Oscar's availability rule for this quantity (stock is checked again, locked, when ordering)."""
        quantity = self.cleaned_data["quantity"]
        allowed, reason = self.purchase_info.availability.is_purchase_permitted(quantity)
        if not allowed:
            raise forms.ValidationError(reason)
        return quantity


def variant_label(variant):
    """A variant as the product page lists it: its title, then what sets it apart."""
    summary = variant.attribute_summary
    return f"{variant.get_title()} — {summary}" if summary else variant.get_title()
