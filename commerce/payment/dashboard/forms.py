from django import forms
from django.utils.translation import gettext_lazy as _


class RefundForm(forms.Form):
    """Which lines to refund; the "whole order" button ignores the choice."""

    lines = forms.ModelMultipleChoiceField(
        label=_("Lines to refund"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, order, refundable, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.fields["lines"].queryset = refundable
        self.fields["lines"].label_from_instance = lambda line: f"{line.quantity} × {line.title}"

    def clean(self):
        cleaned = super().clean()
        if not self.data.get("whole_order") and not cleaned.get("lines"):
            raise forms.ValidationError(_("Choose at least one line, or refund the whole order."))
        return cleaned

    def lines_to_refund(self):
        """None for the whole order, else the chosen lines."""
        return None if self.data.get("whole_order") else list(self.cleaned_data["lines"])
