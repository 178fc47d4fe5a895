from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")


class ContactSellerForm(forms.Form):
    """ "Contact the seller" from a product page (``product``) or an order page (``order``)."""

    seller = forms.ModelChoiceField(queryset=Partner.objects.all())
    product = forms.ModelChoiceField(queryset=Product.objects.all(), required=False)
    order = forms.CharField(max_length=128, required=False)


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Why do you report this message?"), max_length=2000)


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), max_length=4000)
