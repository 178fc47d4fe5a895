"""How an answer reads to people (emails, exports): a box ticked or not is "Yes"/"No", never "True"."""

from django.utils.translation import gettext as _


def yes_no(value):
    return _("Yes") if value else _("No")
