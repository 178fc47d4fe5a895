"""Oscar's catalogue dashboard views, closed to other shops' products and stock.

Oscar already filters the product list, edit and delete pages for partner users; these overrides
close the remaining doors: creating a variant under someone else's product, looking products up
for recommendations, and the low-stock alert list. A seller builds a product with variants in one
flow: the new product's "Add variant" saves it (without stock records: it will sell through its
variants) and opens the first variant's form, whose "Save and add another variant" opens the next.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import views as oscar_views
from oscar.core.loading import get_class, get_model

from commerce.partner.exceptions import StockBelowAllocation
from commerce.partner.selectors import stock_alerts_for

Product = get_model("catalogue", "Product")
StockAlert = get_model("partner", "StockAlert")
StockAlertSearchForm = get_class("dashboard.catalogue.forms", "StockAlertSearchForm")
partner_product_visibility_q = get_class("dashboard.catalogue.utils", "partner_product_visibility_q")


class ProductCreateUpdateView(oscar_views.ProductCreateUpdateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def clean(self, form, formsets):
        """A product about to get variants, or a parent, sells through its variants: no stock record."""
        becomes_parent = self.request.POST.get("action") == "create-child"
        is_parent = self.object is not None and self.object.is_parent
        stockrecords = formsets["stockrecord_formset"]
        if (becomes_parent or is_parent) and stockrecords.is_valid() and stockrecords.filled_forms():
            form.add_error(
                None,
                _("A product with variants is sold through its variants: remove its stock records first."),
            )
            return False
        return super().clean(form, formsets)

    def get_object(self, queryset=None):
        parent_pk = self.kwargs.get("parent_pk")
        if parent_pk is not None and not self.get_queryset().filter(pk=parent_pk).exists():
            raise Http404
        return super().get_object(queryset)

    def forms_valid(self, form, formsets):
        # An order may take units between the form's check and the save: refuse, change nothing.
        try:
            with transaction.atomic():
                return super().forms_valid(form, formsets)
        except StockBelowAllocation as exc:
            messages.error(self.request, str(exc))
            return self.forms_invalid(form, formsets)


class ProductLookupView(oscar_views.ProductLookupView):
    """Recommendation lookups: a seller picks among its own products."""

    def get_queryset(self):
        products = super().get_queryset()
        user = self.request.user
        if user.is_staff:
            return products
        return products.filter(partner_product_visibility_q(user)).distinct()

    def lookup_filter(self, qs, term):
        return qs.filter(Q(title__icontains=term) | Q(parent__title__icontains=term))


class StockAlertListView(oscar_views.StockAlertListView):
    """Oscar's alert list, limited to the user's shops (all shops for staff)."""

    def get_queryset(self):
        alerts = stock_alerts_for(self.request.user)
        self.form = StockAlertSearchForm(self.request.GET if "status" in self.request.GET else None)
        self.description = _("All alerts")
        if self.form.is_bound and self.form.is_valid():
            status = self.form.cleaned_data["status"]
            self.description = _('Alerts with status "%s"') % status
            alerts = alerts.filter(status=status)
        return alerts
