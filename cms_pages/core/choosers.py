"""Admin choosers for Oscar products and categories, used by the commerce blocks."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class CatalogueSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Title or UPC")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q") if self.is_valid() else ""
        if query:
            self.is_searching = True
            self.search_query = query
            lookup = (
                Q(title__icontains=query) | Q(upc__iexact=query)
                if "upc" in {f.name for f in objects.model._meta.fields}
                else Q(name__icontains=query)
            )
            objects = objects.filter(lookup)
        return objects


class ProductListMixin:
    filter_form_class = CatalogueSearchForm

    def get_object_list(self):
        Product = get_model("catalogue", "Product")
        return Product.objects.browsable().select_related("product_class").order_by("title")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("product_class", label=_("Type"), accessor="product_class"),
            Column("upc", label=_("UPC"), accessor="upc"),
        ]


class ProductChooseView(ProductListMixin, ChooseView):
    pass


class ProductChooseResultsView(ProductListMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    per_page = 20


class CategoryListMixin:
    filter_form_class = CatalogueSearchForm

    def get_object_list(self):
        Category = get_model("catalogue", "Category")
        return Category.objects.filter(is_public=True).order_by("path")

    @property
    def columns(self):
        return [self.title_column]


class CategoryChooseView(CategoryListMixin, ChooseView):
    pass


class CategoryChooseResultsView(CategoryListMixin, ChooseResultsView):
    pass


class CategoryChooserViewSet(ChooserViewSet):
    model = "catalogue.Category"
    icon = "folder-open-1"
    choose_one_text = _("Choose a category")
    choose_another_text = _("Choose another category")
    choose_view_class = CategoryChooseView
    choose_results_view_class = CategoryChooseResultsView
    per_page = 30


product_chooser_viewset = ProductChooserViewSet("product_chooser")
category_chooser_viewset = CategoryChooserViewSet("category_chooser")
