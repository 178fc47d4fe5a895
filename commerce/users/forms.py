"""Forms about a person's account: the WhatsApp consent (the account page's, and the checkbox the
checkout adds to its phone field)."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from .consents import consent_wording, wa_me_link
from .models import ClientProfile


def whatsapp_consent_field(*, in_account=False, guest=False):
    """The consent checkbox: unticked, its label the exact wording recorded with the consent; outside
    the account, where to withdraw it (a guest: their order's page, as the wording says) and the
    shop's wa.me link (when a business number is set)."""
    parts = []
    if not in_account and not guest:
        parts.append(
            format_html(
                '<a href="{}">{}</a>', reverse("whatsapp-consent"), _("Manage WhatsApp in your account")
            )
        )
    if not in_account and (link := wa_me_link()):  # the account page shows the link itself
        parts.append(format_html('<a href="{}" rel="noopener">{}</a>', link, _("Write to us on WhatsApp")))
    return forms.BooleanField(
        label=consent_wording(guest=guest),
        required=in_account,
        initial=False,
        help_text=format_html_join(" · ", "{}", ((part,) for part in parts)),
    )


class WhatsAppConsentForm(forms.Form):
    """The account page's form: the number, and the same explicit, unticked consent."""

    number = PhoneNumberField(
        label=_("Your WhatsApp number"), region="TN", widget=forms.TextInput(attrs={"autocomplete": "tel"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"] = whatsapp_consent_field(in_account=True)
        self.fields["consent"].error_messages["required"] = _("Tick the box to agree, or leave the page.")


class ClientProfileForm(forms.ModelForm):
    """The client's profile page: photo, name, bio, interests (the experts' domains), visibility."""

    class Meta:
        model = ClientProfile
        fields = ["photo", "full_name", "bio", "interests", "is_public"]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
            "interests": forms.CheckboxSelectMultiple,
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def changes(self):
        """Keyword arguments of ``profiles.update_profile`` from the cleaned data."""
        data = dict(self.cleaned_data)
        photo = data.pop("photo")
        if "photo" in self.changed_data:
            data["photo"] = photo or ""  # False: "clear" ticked
        return data
