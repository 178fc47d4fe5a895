"""Forms of the seller's shop pages."""

from django import forms
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from oscar.forms.widgets import ImageInput

from commerce.core.images import ImageUploadField
from commerce.core.translated_fields import label_languages, per_language
from commerce.core.validation import BoundedIntegerField
from commerce.partner.stock_levels import LevelChange

Partner = get_model("partner", "Partner")

PROFILE_FIELDS = [
    "name",
    "slug",
    *per_language("description"),
    "logo",
    "contact_email",
    "website_url",
    "facebook_url",
    "instagram_url",
    "tiktok_url",
    "terms_of_sale",
    "refund_policy",
]
MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_IMPORT_BYTES = 2 * 1024 * 1024


def _formfield(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"  # "instagram.com/shop" means https://
    if isinstance(model_field, models.ImageField):
        kwargs["form_class"] = ImageUploadField
    return model_field.formfield(**kwargs)


class ShopProfileForm(forms.ModelForm):
    """What a seller edits about its shop; the commission is the platform's to set."""

    class Meta:
        model = Partner
        formfield_callback = _formfield
        fields = PROFILE_FIELDS
        labels = {"name": _("Shop name")}
        help_texts = {
            "slug": _(
                "The end of your shop's address (/shops/your-shop/). Leave empty to derive it from the name."
            ),
            "logo": _("Square image, at most 2 MB."),
            "contact_email": _("Shown on your shop page for questions from shoppers."),
        }
        widgets = {
            "logo": ImageInput,
            **{name: forms.Textarea(attrs={"rows": 4}) for name in per_language("description")},
            "terms_of_sale": forms.Textarea(attrs={"rows": 6}),
            "refund_policy": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False  # empty: derived from the name on save
        self.fields["logo"].max_bytes = MAX_LOGO_BYTES
        label_languages(self, "description")

    def clean_slug(self):
        return slugify(self.cleaned_data.get("slug") or "")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Your shop needs a name."))
        return name


class StaffShopProfileForm(ShopProfileForm):
    """Platform staff also set the shop's commission."""

    class Meta(ShopProfileForm.Meta):
        fields = [*PROFILE_FIELDS, "commission_rate"]
        help_texts = {
            **ShopProfileForm.Meta.help_texts,
            "commission_rate": _("Share of each sale kept by the platform, from 0 to 1 (0.2 = 20 %)."),
        }

    def clean_commission_rate(self):
        rate = self.cleaned_data["commission_rate"]
        if rate is None or not 0 <= rate <= 1:
            raise forms.ValidationError(_("Enter a rate between 0 and 1."))
        return rate


class StockFilterForm(forms.Form):
    q = forms.CharField(label=_("Product or SKU"), required=False)
    partner = forms.ModelChoiceField(label=_("Shop"), queryset=Partner.objects.none(), required=False)
    low = forms.BooleanField(label=_("Low stock only"), required=False)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        if partners.count() < 2:
            del self.fields["partner"]


class StockLevelsForm(forms.Form):
    """One number per stock record on the page, plus the level the seller saw (to catch stale pages)."""

    def __init__(self, records, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = list(records)
        for record in self.records:
            self.fields[f"level-{record.pk}"] = BoundedIntegerField(
                label=_("In stock: %(sku)s") % {"sku": record.partner_sku},
                min_value=0,
                initial=record.num_in_stock,
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "min": 0}),
            )
            self.fields[f"seen-{record.pk}"] = BoundedIntegerField(
                initial=record.num_in_stock, widget=forms.HiddenInput
            )

    def rows(self):
        for record in self.records:
            yield record, self[f"level-{record.pk}"], self[f"seen-{record.pk}"]

    def changes(self):
        """``LevelChange``s for the rows whose number was changed."""
        changes = []
        for record in self.records:
            level = self.cleaned_data[f"level-{record.pk}"]
            seen = self.cleaned_data[f"seen-{record.pk}"]
            if level != seen:
                changes.append(LevelChange(record.pk, level, seen))
        return changes

    def add_record_errors(self, errors):
        for pk, message in errors.items():
            self.add_error(f"level-{pk}", message)


class StockImportForm(forms.Form):
    """A stock CSV and, for users who run several shops (or staff), which shop it is for."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: partner_sku, title, num_in_stock, price (title is ignored). At most 2 MB."),
    )
    partner = forms.ModelChoiceField(label=_("Shop"), queryset=Partner.objects.none())

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.only_partner = partners.first() if partners.count() == 1 else None
        if self.only_partner is not None:
            del self.fields["partner"]
        else:
            self.fields["partner"].queryset = partners

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if self.only_partner is not None:
            data["partner"] = self.only_partner
        return data
