from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _


class PayoutRequestForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (TND)"), max_digits=12, decimal_places=3, min_value=Decimal("0.001")
    )

    def millimes(self):
        try:
            return int(self.cleaned_data["amount"] * 1000)
        except (InvalidOperation, TypeError):
            return 0


class DecisionForm(forms.Form):
    DECISIONS = (
        ("approve", _("Approve")),
        ("reject", _("Reject")),
        ("paid", _("Mark as paid (transfer made)")),
    )
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS)
    reason = forms.CharField(
        label=_("Reason (told to the expert when rejecting)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
