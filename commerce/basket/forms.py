"""Oscar's add-to-basket forms; a product without options is not asked for its options twice."""

from oscar.apps.basket.forms import AddToBasketForm as OscarAddToBasketForm
from oscar.apps.basket.forms import SimpleAddToBasketMixin


class AddToBasketForm(OscarAddToBasketForm):
    def cleaned_options(self):
        """Oscar reads the product's options again here; none were offered when it has none."""
        return super().cleaned_options() if self.parent_product.has_options else []


class SimpleAddToBasketForm(SimpleAddToBasketMixin, AddToBasketForm):
    """Oscar's quantity-less form (product cards), built on the form above."""
