"""Tunisian bank account (RIB) and tax ID (matricule fiscal) checks, with translated errors."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RIB_LENGTH = 20
#: ``1234567/A/M/000`` (the short form) or ``1234567/A/B/M/000``: seven digits, the check letter
#: (never I, O or U), the optional VAT code, the category code and the secondary establishment number.
MATRICULE = re.compile(
    r"^(?P<number>\d{7})/?(?P<key>[A-HJ-NP-TV-Z])/?(?:(?P<vat>[ABDNP])/?)?(?P<category>[MPCNE])/?(?P<branch>\d{3})$"
)


def rib_key(first_18_digits):
    """The two check digits of a Tunisian RIB: 97 − ((bank, branch and account as a number × 100) mod 97)."""
    return 97 - (int(first_18_digits) * 100) % 97


def normalize_rib(value):
    """The 20 digits of a RIB typed with spaces or dashes; raises ``ValidationError`` if it is not one."""
    digits = re.sub(r"[\s-]", "", value or "")
    if not digits.isdigit() or len(digits) != RIB_LENGTH:
        raise ValidationError(
            _("A RIB has exactly 20 digits (bank 2, branch 3, account 13, key 2)."), code="rib_length"
        )
    if rib_key(digits[:18]) != int(digits[18:]):
        raise ValidationError(
            _("This RIB's check key does not match: please check the number."), code="rib_key"
        )
    return digits


def normalize_matricule(value):
    """A matricule fiscal in its written form (``1234567/A/M/000``); raises ``ValidationError``."""
    compact = re.sub(r"\s", "", value or "").upper()
    match = MATRICULE.match(compact)
    if match is None:
        raise ValidationError(
            _("Enter the tax ID as on your tax card, for example 1234567/A/M/000."), code="matricule"
        )
    parts = [match["number"], match["key"], match["vat"], match["category"], match["branch"]]
    return "/".join(part for part in parts if part)
