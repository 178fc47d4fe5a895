from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("Search products…"), "autocomplete": "off"}),
    )
