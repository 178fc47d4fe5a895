"""The seller's forms: a product's protection options and a list of licence keys."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FILE_KINDS, DigitalOptions, ProductReport

SEAT_CHOICES = [("1", "1"), ("5", "5"), ("", _("Unlimited"))]


class OptionsForm(forms.ModelForm):
    allowed_types = forms.MultipleChoiceField(
        label=_("Allowed file types"),
        choices=list(FILE_KINDS.items()),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    seats = forms.TypedChoiceField(
        label=_("Seats per key"), choices=SEAT_CHOICES, coerce=int, empty_value=None, required=False
    )

    class Meta:
        model = DigitalOptions
        fields = [
            "download_limit",
            "link_minutes",
            "access_days",
            "watermark",
            "licences",
            "seats",
            "allowed_types",
            "max_size_mb",
            "preview_pages",
            "preview_seconds",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["allowed_types"] = self.instance.allowed()
        self.initial["seats"] = "" if self.instance.seats is None else str(self.instance.seats)

    def clean_download_limit(self):
        limit = self.cleaned_data["download_limit"]
        if limit < 1:
            raise forms.ValidationError(_("Give buyers at least one download."))
        return limit

    def clean_link_minutes(self):
        minutes = self.cleaned_data["link_minutes"]
        if not 1 <= minutes <= 7 * 24 * 60:
            raise forms.ValidationError(_("A link lasts between 1 minute and 7 days."))
        return minutes

    def clean_allowed_types(self):
        return ",".join(self.cleaned_data["allowed_types"])


class KeysForm(forms.Form):
    keys = forms.CharField(
        label=_("Licence keys, one per line"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    upload = forms.FileField(label=_("…or a text file of keys"), required=False)

    def clean(self):
        data = super().clean()
        lines = (data.get("keys") or "").splitlines()
        if data.get("upload"):
            try:
                lines += data["upload"].read().decode("utf-8").splitlines()
            except UnicodeDecodeError:
                raise forms.ValidationError(_("The key file must be plain text (UTF-8).")) from None
        data["lines"] = [line.strip() for line in lines if line.strip()]
        if not data["lines"]:
            raise forms.ValidationError(_("Give at least one key."))
        if any(len(line) > 100 for line in data["lines"]):
            raise forms.ValidationError(_("A key has at most 100 characters."))
        return data


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=ProductReport.Reason.choices)
    message = forms.CharField(
        label=_("What is wrong?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    email = forms.EmailField(label=_("Your email"), required=False)


class DisputeForm(forms.Form):
    reason = forms.CharField(
        label=_("What went wrong with this purchase?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class DecisionForm(forms.Form):
    DECISIONS = [
        ("refund", _("Refund the line")),
        ("partial", _("Refund part of the price (the buyer keeps access)")),
        ("reject", _("Reject the dispute")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    amount = forms.DecimalField(
        label=_("Amount to refund in TND (partial refund)"), min_value=0, decimal_places=3, required=False
    )
    note = forms.CharField(
        label=_("Note to both sides"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    unpublish = forms.BooleanField(label=_("Take the product off sale"), required=False)
