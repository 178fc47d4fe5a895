"""The "was this article helpful?" form, posted to the article page itself."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms_pages.core.forms import HoneypotMixin


class FeedbackForm(HoneypotMixin, forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this article helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
    )
    #: Longer comments are cut (``feedback.record_feedback``) rather than refused: the answer counts.
    comment = forms.CharField(label=_("Anything to add? (optional)"), required=False)
