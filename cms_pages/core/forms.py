"""Public forms of the CMS core."""

from django import forms
from django.utils.translation import gettext_lazy as _

#: Name of the hidden field bots fill in; humans never see it (forms with it filled are refused).
HONEYPOT_FIELD = "website"


class HoneypotMixin(forms.Form):
    """A field hidden from people (CSS + aria-hidden) that form-filling bots complete."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(required=False, label=_("Leave this field empty"))

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))


class NewsletterForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
