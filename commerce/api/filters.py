"""Catalogue filters of the API (query parameters), applied in the database."""

import django_filters
from django.db.models import Q
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


class ProductFilter(django_filters.FilterSet):
    category = django_filters.NumberFilter(method="in_category", label="Category id (with sub-categories)")
    product_class = django_filters.CharFilter(field_name="product_class__slug")
    seller = django_filters.CharFilter(method="sold_by", label="Seller (partner code)")
    min_price = django_filters.NumberFilter(method="price_from", label="Minimum price incl. tax (TND)")
    max_price = django_filters.NumberFilter(method="price_to", label="Maximum price incl. tax (TND)")
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Words in the title")

    class Meta:
        model = Product
        fields = ["category", "product_class", "seller", "min_price", "max_price", "q"]

    def in_category(self, queryset, name, value):
        category = Category.objects.filter(pk=value).first()
        if category is None:
            return queryset.none()
        return queryset.filter(categories__in=category.get_descendants_and_self()).distinct()

    def sold_by(self, queryset, name, value):
        return queryset.filter(
            Q(stockrecords__partner__code=value)
            | Q(children__stockrecords__partner__code=value, children__is_public=True)
        ).distinct()

    def price_from(self, queryset, name, value):
        return queryset.filter(_price_q("gte", value)).distinct()

    def price_to(self, queryset, name, value):
        return queryset.filter(_price_q("lte", value)).distinct()


def _price_q(lookup, value):
    """A standalone product's price, or a variant's on sale (the basket refuses the others)."""
    return Q(**{f"stockrecords__price__{lookup}": value}) | Q(
        **{f"children__stockrecords__price__{lookup}": value, "children__is_public": True}
    )
