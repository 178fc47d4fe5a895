"""The promo editor's form: an end date is required, and each date error names its real problem."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class PromoPageForm(WagtailAdminPageForm):
    """Asks for the end date up front, so an end given in the past is reported as such.

    The model's own check of a missing end only saw ``None`` when the date was refused (e.g. in the
    past) and claimed that no end had been given.
    """

    END_REQUIRED = _("A promotion needs an end date.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "expire_at" in self.fields:
            field = self.fields["expire_at"]
            field.required = True
            field.error_messages["required"] = self.END_REQUIRED
