from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from commerce.subscriptions.models import Plan, Subscription


class SubscriptionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Subscription.STATUSES]
    )
    plan = forms.ModelChoiceField(label=_("Plan"), required=False, queryset=Plan.objects.none())
    query = forms.CharField(label=_("Customer email"), required=False, max_length=200)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans

    def filters(self):
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class PlanForm(forms.ModelForm):
    """A seller's plan: how it bills, what each paid period grants, its price per period, and
    whether it still takes new subscribers. The price is the product's (VAT included)."""

    price = forms.DecimalField(
        label=_("Price per period (TND, VAT included)"),
        max_digits=12,
        decimal_places=3,
        min_value=Decimal("0.010"),
        help_text=_(
            "A new price applies to new subscribers only: current subscribers keep the price they "
            "subscribed at (Stripe bills each subscription at its own price)."
        ),
    )

    class Meta:
        model = Plan
        fields = ["interval", "trial_days", "coins_per_period", "discount_percent", "archived"]
        help_texts = {
            "interval": _("Current subscribers keep their billing interval; new ones get this one."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        record = self.instance.product.stockrecords.first()
        self.fields["price"].initial = record.price if record else None
        self.fields["trial_days"].widget.attrs["max"] = 730
        self.fields["trial_days"].validators.append(MaxValueValidator(730))  # Stripe's longest trial
