"""Oscar's product page with what it renders loaded up front (one query per relation, not per row)."""

from django.db.models import Exists, OuterRef, Prefetch
from oscar.apps.catalogue.views import CatalogueView, ProductCategoryView  # noqa: F401 - Oscar loads them here
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")
Option = get_model("catalogue", "Option")


class ProductDetailView(OscarProductDetailView):
    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("product_class", "parent__product_class")
            .annotate(
                has_product_class_options=Exists(
                    Option.objects.filter(productclass=OuterRef("product_class"))
                ),
                has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            )
            .prefetch_related(
                "categories",
                "parent__categories",
                "images",
                "attribute_values__attribute",
                Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
            )
        )
