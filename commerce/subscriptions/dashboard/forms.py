from django import forms
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
