"""API representations; prices come from the same strategy the storefront uses (VAT included)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from oscar.core.loading import get_class, get_model
from rest_framework import serializers

from commerce.core.validation import validate_name_characters
from commerce.invoices.selectors import order_credit_notes, order_invoices
from commerce.payment.selectors import PAYMENT_STATUSES, completed_refunds, payment_status

Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")
Selector = get_class("partner.strategy", "Selector")


class PriceSerializer(serializers.Serializer):
    currency = serializers.CharField()
    excl_tax = serializers.DecimalField(max_digits=12, decimal_places=3)
    tax = serializers.DecimalField(max_digits=12, decimal_places=3)
    incl_tax = serializers.DecimalField(max_digits=12, decimal_places=3)


def price_data(info):
    price = info.price
    if not price.exists:
        return None
    data = {
        "currency": price.currency,
        "excl_tax": price.excl_tax,
        "tax": price.tax,
        "incl_tax": price.incl_tax,
    }
    return PriceSerializer(data).data


def public_variants(product):
    """The variants on sale (the basket refuses the others), from the prefetched children."""
    return [child for child in product.children.all() if child.is_public]


class ProductSerializer(serializers.ModelSerializer):
    """A product's texts (title, type, categories) come in the request's language, as on its page."""

    url = serializers.SerializerMethodField()
    price = serializers.SerializerMethodField()
    available = serializers.SerializerMethodField()
    product_class = serializers.CharField(source="get_product_class.slug", read_only=True)
    product_type = serializers.CharField(
        source="get_product_class.name", read_only=True, help_text="The product class's name, translated."
    )
    categories = serializers.SerializerMethodField()
    image = serializers.SerializerMethodField()
    sellers = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = [
            "id",
            "upc",
            "title",
            "url",
            "structure",
            "product_class",
            "product_type",
            "categories",
            "price",
            "available",
            "image",
            "sellers",
        ]

    def _info(self, product):
        strategy = self.context.setdefault(
            "strategy", Selector().strategy(request=self.context.get("request"))
        )
        return (
            strategy.fetch_for_parent(product) if product.is_parent else strategy.fetch_for_product(product)
        )

    def get_url(self, product) -> str:
        request = self.context.get("request")
        url = product.get_absolute_url()
        return request.build_absolute_uri(url) if request else url

    @extend_schema_field(PriceSerializer(allow_null=True))
    def get_price(self, product):
        return price_data(self._info(product))

    def get_available(self, product) -> bool:
        return self._info(product).availability.is_available_to_buy

    def get_categories(self, product) -> list[str]:
        return [category.name for category in product.categories.all()]

    def get_image(self, product) -> str | None:
        images = list(product.images.all())
        if not images:
            return None
        request = self.context.get("request")
        url = images[0].original.url
        return request.build_absolute_uri(url) if request else url

    def get_sellers(self, product) -> list[str]:
        records = list(product.stockrecords.all())
        for child in public_variants(product):
            records.extend(child.stockrecords.all())
        return sorted({record.partner.name for record in records})


class VariantSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    price = PriceSerializer(allow_null=True)
    available = serializers.BooleanField()


class ProductDetailSerializer(ProductSerializer):
    description = serializers.CharField()
    variants = serializers.SerializerMethodField()

    class Meta(ProductSerializer.Meta):
        fields = [*ProductSerializer.Meta.fields, "description", "variants"]

    @extend_schema_field(VariantSerializer(many=True))
    def get_variants(self, product):
        """Each variant with ``label``, the choice the product page offers ("Size: M, Colour: White")."""
        return [
            {
                "id": child.id,
                "title": child.get_title(),
                "label": child.attribute_summary,
                "price": price_data(self._info(child)),
                "available": self._info(child).availability.is_available_to_buy,
            }
            for child in public_variants(product)
        ]


class BasketLineSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    product = serializers.IntegerField(source="product_id", read_only=True)
    title = serializers.CharField(source="product.get_title", read_only=True)
    seller = serializers.CharField(source="stockrecord.partner.name", read_only=True, allow_null=True)
    quantity = serializers.IntegerField(read_only=True)
    unit_price_incl_tax = serializers.DecimalField(
        max_digits=12, decimal_places=3, read_only=True, allow_null=True
    )
    line_price_incl_tax = serializers.DecimalField(
        source="line_price_incl_tax_incl_discounts",
        max_digits=12,
        decimal_places=3,
        read_only=True,
        allow_null=True,
    )


class BasketSerializer(serializers.Serializer):
    """Null ``id`` and ``currency``: a guest's basket before anything is added (nothing is saved)."""

    id = serializers.IntegerField(read_only=True, allow_null=True)
    currency = serializers.CharField(read_only=True, allow_null=True)
    num_items = serializers.IntegerField(read_only=True)
    total_excl_tax = serializers.DecimalField(max_digits=12, decimal_places=3, read_only=True)
    total_tax = serializers.DecimalField(max_digits=12, decimal_places=3, read_only=True)
    total_incl_tax = serializers.DecimalField(max_digits=12, decimal_places=3, read_only=True)
    lines = BasketLineSerializer(source="all_lines", many=True, read_only=True)


class AddToBasketSerializer(serializers.Serializer):
    product = serializers.PrimaryKeyRelatedField(
        queryset=Product.objects.all(), help_text="A product or a variant (the basket refuses the others)."
    )
    quantity = serializers.IntegerField(min_value=1, max_value=100, default=1)


class LineQuantitySerializer(serializers.Serializer):
    quantity = serializers.IntegerField(min_value=0, max_value=100)


class CheckoutSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=255, validators=[validate_name_characters])
    last_name = serializers.CharField(max_length=255, validators=[validate_name_characters])
    email = serializers.EmailField()
    phone = serializers.CharField(max_length=32)
    payment_method = serializers.ChoiceField(choices=Order.PAYMENT_METHODS)
    line1 = serializers.CharField(max_length=255, required=False, allow_blank=True)
    city = serializers.CharField(max_length=255, required=False, allow_blank=True)
    postcode = serializers.CharField(max_length=16, required=False, allow_blank=True)
    notes = serializers.CharField(max_length=500, required=False, allow_blank=True)

    def validate_phone(self, value):
        from phonenumber_field.phonenumber import to_python

        number = to_python(value, region="TN")
        if not number or not number.is_valid():
            raise serializers.ValidationError(_("Enter a valid phone number."))
        return str(number)


class OrderLineSerializer(serializers.Serializer):
    title = serializers.CharField()
    seller = serializers.CharField(source="partner_name")
    quantity = serializers.IntegerField()
    status = serializers.CharField()
    unit_price_incl_tax = serializers.DecimalField(max_digits=12, decimal_places=3)
    line_price_incl_tax = serializers.DecimalField(max_digits=12, decimal_places=3)


class InvoiceLinkSerializer(serializers.Serializer):
    number = serializers.CharField()
    url = serializers.URLField(help_text="The invoice PDF.")


class RefundLineSerializer(serializers.Serializer):
    line = serializers.IntegerField(source="line_id", help_text="The order line's id.")
    quantity = serializers.IntegerField()


class RefundSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=3, help_text="Money given back (TND).")
    lines = RefundLineSerializer(many=True, help_text="Units of the order's lines this refund covers.")
    created = serializers.DateTimeField(source="date_created")


class CreditNoteLinkSerializer(serializers.Serializer):
    number = serializers.CharField()
    url = serializers.URLField(help_text="The credit note PDF.")


class OrderSerializer(serializers.ModelSerializer):
    lines = OrderLineSerializer(many=True, read_only=True)
    is_paid = serializers.BooleanField(read_only=True)
    invoices = serializers.SerializerMethodField()
    payment_status = serializers.SerializerMethodField()
    refunds = serializers.SerializerMethodField()
    credit_notes = serializers.SerializerMethodField()

    class Meta:
        model = Order
        fields = [
            "number",
            "status",
            "payment_method",
            "is_paid",
            "currency",
            "total_excl_tax",
            "total_incl_tax",
            "shipping_incl_tax",
            "date_placed",
            "lines",
            "invoices",
            "payment_status",
            "refunds",
            "credit_notes",
        ]

    @extend_schema_field(serializers.ChoiceField(choices=PAYMENT_STATUSES))
    def get_payment_status(self, order):
        return payment_status(order)

    @extend_schema_field(RefundSerializer(many=True))
    def get_refunds(self, order):
        return RefundSerializer(completed_refunds(order), many=True).data

    @extend_schema_field(CreditNoteLinkSerializer(many=True))
    def get_credit_notes(self, order):
        request = self.context.get("request")
        links = []
        for note in order_credit_notes(order):
            url = reverse("api-order-credit-note", args=[order.number, note.number])
            links.append({"number": note.number, "url": request.build_absolute_uri(url) if request else url})
        return links

    @extend_schema_field(InvoiceLinkSerializer(many=True))
    def get_invoices(self, order):
        request = self.context.get("request")
        links = []
        for invoice in order_invoices(order):
            url = reverse("api-order-invoice", args=[order.number, invoice.number])
            links.append(
                {"number": invoice.number, "url": request.build_absolute_uri(url) if request else url}
            )
        return links


class ReturnLineSerializer(serializers.Serializer):
    line = serializers.IntegerField(help_text="The order line's id.")
    quantity = serializers.IntegerField(min_value=1)


class ReturnRequestSerializer(serializers.Serializer):
    """A return asked for: ``lines`` of the order and why; optionally a voucher instead of a card refund."""

    lines = ReturnLineSerializer(many=True, allow_empty=False)
    reason = serializers.CharField(max_length=2000)
    refund_method = serializers.ChoiceField(choices=("card", "voucher"), default="card", required=False)


class ReturnedLineSerializer(serializers.Serializer):
    line = serializers.IntegerField(source="line_id", help_text="The order line's id.")
    quantity = serializers.IntegerField()


class ReturnSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField(help_text="`requested`, `approved` or `refused`.")
    seller = serializers.CharField(source="partner.name")
    lines = ReturnedLineSerializer(many=True, source="lines.all", read_only=True)
    reason = serializers.CharField()
    refund_method = serializers.CharField()
    comment = serializers.CharField(help_text="The seller's comment, or why the return was refused.")
    created = serializers.DateTimeField(source="date_created")
