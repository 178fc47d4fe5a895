"""Forms of the consultation pages: they only parse; the services check and decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from commerce.messaging.text import MAX_LENGTH

from .models import PaidMessage


class SendForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of message"), choices=PaidMessage.Kind.choices, widget=forms.RadioSelect, initial="text"
    )
    body = forms.CharField(
        label=_("Your question"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    video = forms.FileField(
        label=_("Your video"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "video/webm,video/mp4,video/quicktime"}),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    video = forms.FileField(
        label=_("Or a video answer"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "video/webm,video/mp4,video/quicktime"}),
    )


class RatingForm(forms.Form):
    stars = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RatingReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your public reply"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
