"""Oscar's product page with what it renders loaded up front (one query per relation, not per row)."""

from django.db.models import Prefetch
from oscar.apps.catalogue.views import CatalogueView, ProductCategoryView  # noqa: F401 - Oscar loads them here
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")


class ProductDetailView(OscarProductDetailView):
    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("product_class", "parent__product_class")
            .prefetch_related(
                "images",
                "attribute_values__attribute",
                Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
            )
        )
