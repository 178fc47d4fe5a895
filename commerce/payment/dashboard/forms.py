from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commerce.fulfilment.services import takes_back
from commerce.payment.selectors import units_amount


class RefundForm(forms.Form):
    """How many units of each line to refund, or an amount of it (money only: the buyer keeps the
    goods), and whether the shipping is; the "whole order" button refunds everything left. Each
    line shows what is left of it and what one unit refunds; asking for more than is left is
    refused before anything is refunded. ``token`` is the refund's idempotency key: posting the
    same form twice (a double click) refunds once."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    shipping = forms.BooleanField(label=gettext_lazy("Refund the shipping"), required=False)
    limit_to_revocable = forms.BooleanField(
        label=gettext_lazy("If part of what was delivered was used (coins spent), refund only what is left"),
        help_text=gettext_lazy("Unticked, such a refund is refused with the reason."),
        required=False,
    )

    def __init__(self, *args, order, left, shipping_left, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.shipping_left = shipping_left
        self.rows = []
        for line, units_left, amount_left in left:
            if units_left <= 0:
                continue
            name = f"line_{line.pk}"
            self.fields[name] = forms.IntegerField(
                label=line.title,
                min_value=0,
                max_value=units_left,
                initial=0,
                required=False,
                error_messages={
                    "max_value": _("Only %(left)d of “%(title)s” can still be refunded.")
                    % {"left": units_left, "title": line.title}
                },
            )
            self.fields[f"amount_{line.pk}"] = forms.DecimalField(
                label=_("Amount to refund on “%(title)s”") % {"title": line.title},
                min_value=0,
                max_value=amount_left,
                decimal_places=3,
                required=False,
                error_messages={
                    "max_value": _("Only %(left)s %(currency)s of “%(title)s” can still be refunded.")
                    % {"left": amount_left, "currency": order.currency, "title": line.title}
                },
            )
            unit = units_amount(line, 1, units_left, amount_left) if units_left > 1 else amount_left
            self.rows.append(
                {
                    "field": self[name],
                    "amount_field": self[f"amount_{line.pk}"],
                    "line": line,
                    "left": units_left,
                    "amount_left": amount_left,
                    "unit": unit,
                }
            )
        if not shipping_left:
            del self.fields["shipping"]
        if not any(takes_back(row["line"]) for row in self.rows):
            del self.fields["limit_to_revocable"]

    @property
    def whole_order(self):
        return bool(self.data.get("whole_order"))

    def clean(self):
        cleaned = super().clean()
        if (
            not self.whole_order
            and not self.quantities()
            and not self.amounts()
            and not cleaned.get("shipping")
        ):
            raise forms.ValidationError(
                _("Choose units or an amount of a line to refund, or the shipping, or the whole order.")
            )
        return cleaned

    def quantities(self):
        return {
            row["line"]: self.cleaned_data.get(f"line_{row['line'].pk}")
            for row in self.rows
            if self.cleaned_data.get(f"line_{row['line'].pk}")
        }

    def amounts(self):
        return {
            row["line"]: self.cleaned_data.get(f"amount_{row['line'].pk}")
            for row in self.rows
            if self.cleaned_data.get(f"amount_{row['line'].pk}")
        }

    def refund_arguments(self):
        """Keyword arguments of ``refund_order`` for what was chosen."""
        key = f"refund-{self.order.number}-{self.cleaned_data['token']}"
        limit = bool(self.cleaned_data.get("limit_to_revocable"))
        if self.whole_order:
            return {"lines": None, "key": key, "limit_to_revocable": limit}
        return {
            "lines": self.quantities(),
            "amounts": self.amounts(),
            "shipping": bool(self.cleaned_data.get("shipping")),
            "key": key,
            "limit_to_revocable": limit,
        }
