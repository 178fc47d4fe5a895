"""The seller's own pages: every query goes through ``commerce.partner.selectors`` (own shops only)."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View, generic
from oscar.core.loading import get_class, get_model

from commerce.dashboard.orders.selectors import commission_percent
from commerce.partner.selectors import (
    low_stock,
    movements_for,
    partner_ids_for,
    partners_for,
    stockrecords_for,
    with_low_flag,
)
from commerce.partner.stock_csv import StockImportError, apply_stock_import, read_stock_csv, write_stock_csv
from commerce.partner.stock_levels import StockLevelErrors, set_levels

from .forms import ShopProfileForm, StaffShopProfileForm, StockFilterForm, StockImportForm, StockLevelsForm

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockMovement = get_model("partner", "StockMovement")
partner_product_visibility_q = get_class("dashboard.catalogue.utils", "partner_product_visibility_q")

STOCK_PER_PAGE = 50
HISTORY_PER_PAGE = 50


class ShopProfileView(generic.UpdateView):
    """The signed-in seller's shop profile (``?partner=<id>`` when it runs several shops)."""

    template_name = "oscar/dashboard/shop/profile_form.html"
    context_object_name = "shop"

    def get(self, request, *args, **kwargs):
        if self._own_partner() is None and request.user.is_staff:
            messages.info(request, _("Choose the shop whose profile you want to edit."))
            return redirect("dashboard:partner-list")
        return super().get(request, *args, **kwargs)

    def _own_partner(self):
        own = Partner.objects.filter(pk__in=partner_ids_for(self.request.user))
        chosen = self.request.GET.get("partner")
        if chosen and chosen.isdigit():
            own = own.filter(pk=chosen)
        return own.order_by("name", "pk").first()

    def get_object(self, queryset=None):
        partner = self._own_partner()
        if partner is None:
            raise Http404(_("You are not linked to a shop."))
        return partner

    def get_form_class(self):
        return StaffShopProfileForm if self.request.user.is_staff else ShopProfileForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            commission_percent=commission_percent(self.object.commission_rate), **kwargs
        )

    def get_success_url(self):
        messages.success(self.request, _("Shop profile saved."))
        return self.request.get_full_path()


class PartnerProfileView(ShopProfileView):
    """Any shop's profile, for platform staff."""

    def get(self, request, *args, **kwargs):
        return generic.UpdateView.get(self, request, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_object_or_404(partners_for(self.request.user), pk=self.kwargs["pk"])


class StockScopeMixin:
    """Stock records of the user's shops, narrowed by the filter form (search, shop, low only)."""

    def filter_form(self):
        if not hasattr(self, "_filter_form"):
            self._filter_form = StockFilterForm(
                self.request.GET or None, partners=partners_for(self.request.user)
            )
        return self._filter_form

    def stockrecords(self):
        records = stockrecords_for(self.request.user)
        form = self.filter_form()
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            if data.get("q"):
                records = records.filter(
                    Q(partner_sku__icontains=data["q"])
                    | Q(product__title__icontains=data["q"])
                    | Q(product__parent__title__icontains=data["q"])
                )
            if data.get("partner"):
                records = records.filter(partner=data["partner"])
            if data.get("low"):
                records = low_stock(records)
        return records.order_by("partner__name", "partner_sku", "pk")


class StockLevelsView(StockScopeMixin, generic.TemplateView):
    """Every counted stock record of the shop with a number field each, saved in one transaction."""

    template_name = "oscar/dashboard/shop/stock_levels.html"

    def page(self):
        records = with_low_flag(self.stockrecords().filter(num_in_stock__isnull=False))
        records = records.prefetch_related(
            "product__attribute_values__attribute", "product__attribute_values__value_option"
        )
        return Paginator(records, STOCK_PER_PAGE).get_page(self.request.GET.get("page"))

    def get_context_data(self, **kwargs):
        page = kwargs.pop("page", None) or self.page()
        form = kwargs.pop("form", None) or StockLevelsForm(page.object_list)
        return super().get_context_data(
            page_obj=page, paginator=page.paginator, form=form, filter_form=self.filter_form(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        page = self.page()
        form = StockLevelsForm(page.object_list, request.POST)
        if form.is_valid():
            changes = form.changes()
            if not changes:
                messages.info(request, _("Nothing to save: no level was changed."))
                return HttpResponseRedirect(request.get_full_path())
            partner_ids = None if request.user.is_staff else partner_ids_for(request.user)
            try:
                changed = set_levels(
                    changes, reason=StockMovement.MANUAL, by=request.user, partner_ids=partner_ids
                )
            except StockLevelErrors as exc:
                form.add_record_errors(exc.errors)
            else:
                messages.success(
                    request,
                    ngettext("%(count)d stock level saved.", "%(count)d stock levels saved.", changed)
                    % {"count": changed},
                )
                return HttpResponseRedirect(request.get_full_path())
        messages.error(request, _("Nothing was saved: correct the rows marked below."))
        return self.render_to_response(self.get_context_data(page=page, form=form))


class StockExportView(StockScopeMixin, View):
    """The shop's stock records as CSV (same filters as the stock page)."""

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="stock-{stamp}.csv"'
        response.write("\ufeff")  # lets spreadsheet programs detect UTF-8
        write_stock_csv(self.stockrecords(), response)
        return response


class StockImportView(generic.FormView):
    """Upload a stock CSV: checked whole first; any bad row and nothing is written."""

    template_name = "oscar/dashboard/shop/stock_import.html"
    form_class = StockImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partners": partners_for(self.request.user).order_by("name")}

    def form_valid(self, form):
        partner = form.cleaned_data["partner"]
        try:
            rows = read_stock_csv(
                form.cleaned_data["file"].read(),
                partner=partner,
                max_rows=settings.SELLERS_STOCK_IMPORT_MAX_ROWS,
            )
            levels, prices = apply_stock_import(rows, by=self.request.user)
        except StockImportError as exc:
            messages.error(self.request, _("Nothing was imported: the file has errors."))
            return self.render_to_response(self.get_context_data(form=form, import_errors=exc.errors))
        messages.success(
            self.request,
            _("Import done: %(rows)d rows read, %(levels)d stock levels and %(prices)d prices changed.")
            % {"rows": len(rows), "levels": levels, "prices": prices},
        )
        return redirect("dashboard:shop-stock")


class HistoryView(generic.ListView):
    template_name = "oscar/dashboard/shop/stock_history.html"
    context_object_name = "movements"
    paginate_by = HISTORY_PER_PAGE


class StockRecordHistoryView(HistoryView):
    """Every change of one stock record: who, when, why, by how much, and the level after."""

    def get(self, request, *args, **kwargs):
        self.stockrecord = get_object_or_404(stockrecords_for(request.user), pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return movements_for(self.request.user, stockrecord=self.stockrecord)

    def get_context_data(self, **kwargs):
        record = self.stockrecord
        return super().get_context_data(stockrecord=record, product=record.product, **kwargs)


class ProductStockHistoryView(HistoryView):
    """The stock history of a product and its variants (the user's own stock records only)."""

    def get(self, request, *args, **kwargs):
        products = Product.objects.all()
        if not request.user.is_staff:
            products = products.filter(partner_product_visibility_q(request.user)).distinct()
        self.product = get_object_or_404(products, pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return movements_for(self.request.user, product=self.product)

    def get_context_data(self, **kwargs):
        return super().get_context_data(product=self.product, show_sku=True, **kwargs)
