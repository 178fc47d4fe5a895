from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReturnRequest


class MultipleImageField(forms.ImageField):
    """Several pictures from one ``<input type="file" multiple>`` (each checked as an image)."""

    widget = forms.ClearableFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleImageField, self).clean(item, initial) for item in files]


class ReturnForm(forms.Form):
    """A customer's return: units per delivered line (``line_<id>``), a reason, photos, the refund."""

    reason = forms.CharField(
        label=_("Why are you returning them?"),
        max_length=2000,
        error_messages={"required": _("Say why you are returning these items.")},
    )
    refund_method = forms.ChoiceField(choices=ReturnRequest.REFUND_METHODS, initial=ReturnRequest.CARD)
    photos = MultipleImageField(label=_("Photos (optional)"), required=False)

    #: At most this many photos per request.
    MAX_PHOTOS = 5

    def __init__(self, *args, returnable, **kwargs):
        super().__init__(*args, **kwargs)
        for pk, left in returnable.items():
            self.fields[f"line_{pk}"] = forms.IntegerField(min_value=0, max_value=left, required=False)
        self.line_ids = list(returnable)

    def clean_photos(self):
        photos = self.files.getlist("photos") if hasattr(self.files, "getlist") else []
        if len(photos) > self.MAX_PHOTOS:
            raise forms.ValidationError(_("Send at most %(count)d photos.") % {"count": self.MAX_PHOTOS})
        return self.fields["photos"].clean(photos)

    def quantities(self):
        return {
            pk: self.cleaned_data.get(f"line_{pk}")
            for pk in self.line_ids
            if self.cleaned_data.get(f"line_{pk}")
        }


class DecisionForm(forms.Form):
    """A seller's decision on a return: approve (with an optional comment) or refuse (with a reason)."""

    decision = forms.ChoiceField(choices=(("approve", _("Approve")), ("refuse", _("Refuse"))))
    comment = forms.CharField(label=_("Comment (the reason, when refusing)"), max_length=2000, required=False)
