"""Bounds every input must respect before it reaches the database, shared by forms, imports and the API.

Names (shops, people) refuse control and format characters: a right-to-left override (U+202E) or
an isolate (U+2066–U+2069) reorders what follows it on every page and email that shows the name,
so "Dar Nabeul\u202elufrac" reads differently from what it is. ``name_key`` folds case, accents and
invisible characters so two names that look the same are found equal.

Whole numbers (stock levels, quantities, integer attributes) are stored in PostgreSQL ``integer``
columns: a larger value passes Python's unbounded ``int`` and fails in the database with a 500.
Bounded at input, the visitor gets Django's translated message instead.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

#: Smallest and largest values of a PostgreSQL ``integer`` column.
INTEGER_MIN, INTEGER_MAX = -2_147_483_648, 2_147_483_647


class BoundedIntegerField(forms.IntegerField):
    """A whole number that its ``integer`` column can hold (narrower bounds may be given)."""

    def __init__(self, *, min_value=INTEGER_MIN, max_value=INTEGER_MAX, **kwargs):
        super().__init__(
            min_value=max(min_value, INTEGER_MIN), max_value=min(max_value, INTEGER_MAX), **kwargs
        )


def validate_integer(value):
    """``BoundedIntegerField``'s bounds, for whole numbers parsed outside a form (CSV imports)."""
    MinValueValidator(INTEGER_MIN)(value)
    MaxValueValidator(INTEGER_MAX)(value)


#: Unicode categories refused in names: control (Cc) and format (Cf: bidi overrides and isolates,
#: zero-width characters, soft hyphen …) characters.
CONTROL_CATEGORIES = ("Cc", "Cf")


def validate_name_characters(value):
    """Refuses a name holding a control or format character (one shared rule for every name field)."""
    found = sorted({f"U+{ord(c):04X}" for c in value if unicodedata.category(c) in CONTROL_CATEGORIES})
    if found:
        raise ValidationError(
            _("Remove the invisible control characters from this name (%(characters)s)."),
            code="control_characters",
            params={"characters": ", ".join(found)},
        )


def name_key(name):
    """``name`` with case, accents (and Arabic vowel marks) and invisible characters folded away and
    spaces collapsed: "Dar Nabeul", "DAR  NABEUL" and "Dâr Nabeul" share one key."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in ("Mn", *CONTROL_CATEGORIES))
    return " ".join(kept.casefold().split())
