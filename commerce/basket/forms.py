"""Oscar's basket forms, checked by the basket service (``commerce.basket.services``), the same
rules as the REST API's; a product without options is not asked for its options twice."""

from django import forms
from oscar.apps.basket.forms import AddToBasketForm as OscarAddToBasketForm
from oscar.apps.basket.forms import BasketLineForm as OscarBasketLineForm
from oscar.apps.basket.forms import SavedLineForm as OscarSavedLineForm
from oscar.apps.basket.forms import SimpleAddToBasketMixin

from . import services
from .exceptions import BasketRefused


class BasketLineForm(OscarBasketLineForm):
    def clean_quantity(self):
        """A new quantity the service allows; zero removes the line (Oscar's formset)."""
        quantity = self.cleaned_data["quantity"] or 0
        if quantity:
            try:
                services.check_line_quantity(self.instance.basket, self.instance, quantity)
            except BasketRefused as refusal:
                raise forms.ValidationError(str(refusal)) from None
        return quantity


class SavedLineForm(OscarSavedLineForm):
    def clean(self):
        """A line saved for later goes back into the basket as an addition the service allows."""
        cleaned_data = forms.ModelForm.clean(self)
        if cleaned_data.get("move_to_basket"):
            try:
                services.check_addition(self.basket, self.instance.product, self.instance.quantity)
            except BasketRefused as refusal:
                raise forms.ValidationError(str(refusal)) from None
        return cleaned_data


class AddToBasketForm(OscarAddToBasketForm):
    def clean_quantity(self):
        """The basket's size is one of the service's rules, checked with the others in ``clean``."""
        return self.cleaned_data["quantity"]

    def clean(self):
        """The chosen product (the variant, for a parent) in the quantity asked, if the service
        allows it; only once the fields are valid, as the product and quantity depend on them."""
        if not self.errors:
            try:
                services.check_addition(self.basket, self.product, self.cleaned_data["quantity"])
            except BasketRefused as refusal:
                raise forms.ValidationError(str(refusal)) from None
        return self.cleaned_data

    def cleaned_options(self):
        """Oscar reads the product's options again here; none were offered when it has none."""
        return super().cleaned_options() if self.parent_product.has_options else []


class SimpleAddToBasketForm(SimpleAddToBasketMixin, AddToBasketForm):
    """Oscar's quantity-less form (product cards), built on the form above."""
