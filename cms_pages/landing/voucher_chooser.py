"""The promo editor's voucher chooser: pick a running voucher, or create one on the spot.

Marketing never opens Oscar's vouchers dashboard: the chooser's "Create" tab makes the voucher through
``vouchers.create_promo_voucher``, within the limits an admin set. Only Marketing and Platform admins
may use it.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView, CreateView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.permission_policies.base import BlanketPermissionPolicy

from cms_pages.core.permissions import user_has_role
from commerce.users.roles import MARKETING, PLATFORM_ADMINS

from .vouchers import create_promo_voucher, voucher_limits


def may_use_promo_vouchers(user):
    return bool(getattr(user, "is_active", False)) and user_has_role(user, MARKETING, PLATFORM_ADMINS)


class PromoVoucherPermissionPolicy(BlanketPermissionPolicy):
    """Marketing and Platform admins choose and create promo vouchers; nobody else."""

    def user_has_permission(self, user, action):
        return may_use_promo_vouchers(user)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)


class VoucherSearchForm(BaseFilterForm):
    q = forms.CharField(label=_("Search term"), required=False)

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q") if self.is_valid() else ""
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(Q(code__icontains=query) | Q(name__icontains=query))
        return objects


class PromoVoucherForm(forms.Form):
    """What Marketing decides about a new voucher; the limits are shown next to each field."""

    code = forms.CharField(label=_("Code"), max_length=32)
    percent = forms.DecimalField(label=_("Discount (%)"), min_value=1, max_digits=5, decimal_places=2)
    starts_at = forms.DateTimeField(label=_("Valid from"), widget=AdminDateTimeInput)
    ends_at = forms.DateTimeField(label=_("Valid until"), widget=AdminDateTimeInput)
    max_uses = forms.IntegerField(label=_("Usage limit"), min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits = voucher_limits()
        self.fields["percent"].help_text = _("At most %(max)s %%.") % {"max": limits.max_percent}
        self.fields["max_uses"].help_text = _("Uses by all shoppers together, at most %(max)s.") % {
            "max": limits.max_uses
        }
        self.fields["ends_at"].help_text = _("At most %(days)s days after the start.") % {
            "days": limits.max_days
        }


class VoucherListMixin:
    filter_form_class = VoucherSearchForm

    def get_object_list(self):
        Voucher = get_model("voucher", "Voucher")
        return Voucher.objects.filter(end_datetime__gt=timezone.now()).order_by("-start_datetime", "code")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("code", label=_("Code"), accessor="code"),
            Column("end_datetime", label=_("Valid until"), accessor="end_datetime"),
        ]


class PromoVoucherAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_use_promo_vouchers(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class VoucherChooseView(PromoVoucherAccessMixin, VoucherListMixin, ChooseView):
    def get_creation_form_kwargs(self):
        """The "Create" tab starts from the promo's own dates, which the page's chooser passes along."""
        kwargs = super().get_creation_form_kwargs()
        dates = {name: self.request.GET[name] for name in PROMO_DATES if self.request.GET.get(name)}
        if self.request.method == "GET" and dates:
            kwargs["initial"] = dates
        return kwargs


class VoucherChooseResultsView(PromoVoucherAccessMixin, VoucherListMixin, ChooseResultsView):
    pass


class VoucherChosenView(PromoVoucherAccessMixin, ChosenView):
    pass


class VoucherCreateView(PromoVoucherAccessMixin, CreateView):
    def post(self, request):
        self.form = self.get_creation_form()
        if self.form.is_valid():
            try:
                voucher = create_promo_voucher(**self.form.cleaned_data)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.form.add_error(field if field in self.form.fields else None, message)
            else:
                return self.get_chosen_response(voucher)
        return self.get_reshow_creation_form_response()


#: Creation form field -> the promo editor's input it starts from.
PROMO_DATES = {"starts_at": "#id_go_live_at", "ends_at": "#id_expire_at"}


class PromoVoucherChooserViewSet(ChooserViewSet):
    model = "voucher.Voucher"
    icon = "tag"
    choose_one_text = _("Choose a voucher")
    choose_another_text = _("Choose another voucher")
    create_action_label = _("Create the voucher")
    choose_view_class = VoucherChooseView
    choose_results_view_class = VoucherChooseResultsView
    chosen_view_class = VoucherChosenView
    create_view_class = VoucherCreateView
    creation_form_class = PromoVoucherForm
    per_page = 20

    @cached_property
    def widget_class(self):
        widget = super().widget_class
        widget.linked_fields = PROMO_DATES
        return widget


promo_voucher_chooser_viewset = PromoVoucherChooserViewSet(
    "promo_voucher_chooser", url_prefix="promo-vouchers"
)
