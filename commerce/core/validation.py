"""Bounds every input must respect before it reaches the database, shared by forms, imports and the API.

Whole numbers (stock levels, quantities, integer attributes) are stored in PostgreSQL ``integer``
columns: a larger value passes Python's unbounded ``int`` and fails in the database with a 500.
Bounded at input, the visitor gets Django's translated message instead.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

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
