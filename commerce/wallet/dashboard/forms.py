"""Forms of the wallet's dashboard pages: explorer filters and the goodwill credit."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from commerce.wallet.models import Account, Hold, Transaction

User = get_user_model()


class BootstrapForm(forms.Form):
    """The dashboard's Bootstrap look on every visible field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


def _date_field(label):
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))


class AccountFilterForm(BootstrapForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    email = forms.CharField(label=_("Owner's email contains"), required=False, max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *Account.Kind.choices]


class TransactionFilterForm(BootstrapForm):
    kind = forms.ChoiceField(label=_("Type"), required=False)
    email = forms.CharField(label=_("Account owner's email contains"), required=False, max_length=254)
    reference = forms.CharField(label=_("Reference or memo contains"), required=False, max_length=255)
    since = _date_field(_("From"))
    until = _date_field(_("To"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All types")), *Transaction.Kind.choices]


class HoldFilterForm(BootstrapForm):
    status = forms.ChoiceField(label=_("Status"), required=False)
    email = forms.CharField(label=_("Shopper's email contains"), required=False, max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *Hold.Status.choices]


class GoodwillForm(BootstrapForm):
    """Coins granted to a user from the goodwill account. ``token`` is the grant's idempotency key:
    posting the same form twice (a double click) grants once."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    email = forms.EmailField(label=_("Email of the user"))
    coins = forms.IntegerField(label=_("Coins"), min_value=1, max_value=100_000)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the credit in the ledger and the audit trail."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account uses this email."))
        self.user = user
        return email

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why these coins are granted."))
        return reason

    def grant_key(self):
        return f"goodwill:{self.cleaned_data['token']}"
