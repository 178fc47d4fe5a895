"""Forms of the expert space, the directory filters and the admins' decisions: they parse, services act."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from commerce.core.translated_fields import label_languages, per_language

from .models import SPOKEN_LANGUAGES, Domain, ExpertProfile, Verification
from .validators import normalize_matricule, normalize_rib

#: Identity documents: photos or a PDF scan (checked by their first bytes, not their name).
DOCUMENT_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"%PDF-")


class ApplyForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=120)


class ProfileForm(forms.ModelForm):
    domains = forms.ModelMultipleChoiceField(
        label=_("Domains of expertise"),
        queryset=Domain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ExpertProfile
        fields = [
            "full_name",
            "photo",
            *per_language("bio"),
            "domains",
            "languages",
            "text_price",
            "video_price",
            "call_price_per_minute",
            "call_minimum_minutes",
            "booking_mode",
            "is_public",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in per_language("bio")}
        help_texts = {
            "text_price": _("Leave empty if you do not answer text messages."),
            "video_price": _("Leave empty if you do not answer with videos."),
            "call_price_per_minute": _("Leave empty if you do not take video calls."),
            "is_public": _("A private profile is not listed nor shown to clients."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_languages(self, "bio")

    def changes(self):
        """Keyword arguments for ``services.update_profile``."""
        data = dict(self.cleaned_data)
        data.pop("domains")
        return {"domains": list(self.cleaned_data["domains"]), **data}


def _document(upload):
    if upload is None:
        return None
    if upload.size > settings.EXPERTS_DOCUMENT_MAX_BYTES:
        raise ValidationError(_("This file is too large (8 MB at most)."))
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(DOCUMENT_SIGNATURES):
        raise ValidationError(_("Send a photo (JPEG or PNG) or a PDF scan."))
    return upload


class VerificationForm(forms.Form):
    """Documents and payout details; a part left empty keeps what was given before."""

    cin_front = forms.FileField(label=_("ID card (CIN), front"), required=False)
    cin_back = forms.FileField(label=_("ID card (CIN), back"), required=False)
    rib = forms.CharField(
        label=_("Bank account (RIB, 20 digits)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    tax_option = forms.ChoiceField(
        label=_("Tax status"), choices=Verification.Tax.choices, widget=forms.RadioSelect
    )
    tax_id = forms.CharField(label=_("Tax ID (matricule fiscal)"), required=False, max_length=30)

    def __init__(self, *args, verification, **kwargs):
        self.verification = verification
        initial = {"tax_option": verification.tax_option or None, "tax_id": verification.tax_id}
        super().__init__(*args, initial=initial, **kwargs)
        if verification.rib_last4:
            self.fields["rib"].help_text = _("Saved: %(masked)s. Type a new one only to change it.") % {
                "masked": verification.masked_rib
            }

    def clean_cin_front(self):
        return _document(self.cleaned_data.get("cin_front"))

    def clean_cin_back(self):
        return _document(self.cleaned_data.get("cin_back"))

    def clean_rib(self):
        rib = self.cleaned_data.get("rib", "").strip()
        if not rib:
            if not self.verification.rib_encrypted:
                raise ValidationError(_("Enter your bank account (RIB)."))
            return None
        return normalize_rib(rib)

    def clean(self):
        data = super().clean()
        if data.get("tax_option") == Verification.Tax.VAT:
            try:
                data["tax_id"] = normalize_matricule(data.get("tax_id"))
            except ValidationError as error:
                self.add_error("tax_id", error)
        else:
            data["tax_id"] = ""
        return data


class DirectoryFilterForm(forms.Form):
    domain = forms.ModelChoiceField(
        label=_("Domain"),
        queryset=Domain.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All"),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *SPOKEN_LANGUAGES], required=False
    )
    service = forms.ChoiceField(
        label=_("Service"),
        choices=[
            ("", _("All")),
            ("text", _("Text answer")),
            ("video", _("Video answer")),
            ("call", _("Video call")),
        ],
        required=False,
    )
    max_price = forms.IntegerField(label=_("Up to (coins)"), min_value=0, required=False)

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "domain": data["domain"].slug if data["domain"] else None,
            "language": data["language"] or None,
            "service": data["service"] or None,
            "max_price": data["max_price"],
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.Select(attrs={"class": "form-select"}),
        choices=[
            ("approve", _("Approve")),
            ("changes", _("Ask for changes")),
            ("reject", _("Reject")),
            ("approve_payout", _("Approve the new payout details")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason (the expert reads it)"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
    )
