"""Forms of the wallet pages: they parse what people typed and hand it to a selector or a service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Transaction


class HistoryFilterForm(forms.Form):
    """The history filters (type, from, to) of the wallet page, its CSV and the API; all optional."""

    kind = forms.ChoiceField(label=_("Type"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All types")), *Transaction.Kind.choices]

    @classmethod
    def from_query(cls, query):
        """Bound to the query string when it names a filter (the page number alone does not)."""
        return cls(query if any(name in query for name in cls.base_fields) else None)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The start date must be on or before the end date."))
        return cleaned

    def filters(self):
        """Keyword arguments of ``selectors.entries_for``: none while the form is unbound or invalid
        (the page shows the errors, the API answers 400)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}
