"""API endpoints: parse input, call the storefront's services, answer JSON. No business logic here."""

from django.db import transaction
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from oscar.core.loading import get_model
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.basket import services as baskets
from commerce.basket.exceptions import BasketRefused
from commerce.catalogue.selectors import browsable_products
from commerce.checkout import services as checkout
from commerce.checkout.exceptions import CheckoutError
from commerce.invoices import selectors as invoice_selectors
from commerce.invoices.downloads import pdf_response
from commerce.order import cancellation
from commerce.payment.stripe import sessions
from commerce.returns import services as returns
from commerce.returns.exceptions import ReturnRefused
from commerce.returns.selectors import order_returns

from .baskets import basket_for, line_of
from .filters import ProductFilter
from .schema import VALIDATION_ERROR, ErrorSerializer
from .serializers import (
    AddToBasketSerializer,
    BasketSerializer,
    CheckoutSerializer,
    LineQuantitySerializer,
    OrderSerializer,
    ProductDetailSerializer,
    ProductSerializer,
    ReturnRequestSerializer,
    ReturnSerializer,
)

Order = get_model("order", "Order")

PaymentStarted = inline_serializer(
    "CheckoutResult",
    {
        "order": OrderSerializer(),
        "payment_url": serializers.URLField(allow_null=True, help_text="Stripe's page (card orders)."),
    },
)


class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    """Public catalogue: filters by category, class, seller, price; 24 per page."""

    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProductFilter

    def get_queryset(self):
        queryset = browsable_products().select_related("product_class").prefetch_related("categories")
        if self.action == "retrieve":
            # Each variant's label names its attributes and options: load them all at once.
            queryset = queryset.prefetch_attribute_values(include_parent_children_attributes=True)
        return queryset

    def get_serializer_class(self):
        return ProductDetailSerializer if self.action == "retrieve" else ProductSerializer


class BasketView(APIView):
    """The caller's open basket (session for guests, account for signed-in callers)."""

    permission_classes = [AllowAny]

    @extend_schema(responses=BasketSerializer)
    def get(self, request):
        return Response(BasketSerializer(basket_for(request)).data)


class BasketLinesView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(request=AddToBasketSerializer, responses={201: BasketSerializer})
    def post(self, request):
        """Add a product or one of its variants (a parent product is refused: choose a variant)."""
        data = AddToBasketSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        basket = basket_for(request)
        try:
            baskets.add_product(basket, data.validated_data["product"], data.validated_data["quantity"])
        except BasketRefused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(BasketSerializer(basket).data, status=status.HTTP_201_CREATED)


class BasketLineView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(request=LineQuantitySerializer, responses=BasketSerializer)
    def patch(self, request, pk):
        """Change a line's quantity (0 removes it)."""
        data = LineQuantitySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        basket = basket_for(request)
        try:
            baskets.change_line_quantity(basket, line_of(basket, pk), data.validated_data["quantity"])
        except BasketRefused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(BasketSerializer(basket).data)

    @extend_schema(responses={200: BasketSerializer})
    def delete(self, request, pk):
        """Remove a line; answers the basket left."""
        basket = basket_for(request)
        baskets.change_line_quantity(basket, line_of(basket, pk), 0)
        return Response(BasketSerializer(basket).data)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CheckoutView(APIView):
    """Quick checkout: place the basket's order; card orders answer with Stripe's payment URL."""

    permission_classes = [AllowAny]

    @extend_schema(
        request=CheckoutSerializer,
        responses={
            201: PaymentStarted,
            400: OpenApiResponse(VALIDATION_ERROR, "Why the order was refused (`detail`), or per field."),
        },
    )
    def post(self, request):
        data = CheckoutSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        customer = checkout.Customer.from_data(values, request.user)
        basket = basket_for(request)
        delivery = checkout.Delivery.from_data(values)
        try:
            order = checkout.place_order(
                basket=basket,
                customer=customer,
                payment_method=values["payment_method"],
                delivery=delivery,
                language=get_language(),
                request=request._request,
            )
        except CheckoutError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        payment_url = None
        if order.payment_method == Order.CARD:
            payment_url = sessions.start_checkout(order, **sessions.urls_for(request._request, order)).url
        request.session["checkout_order_id"] = order.pk
        body = {
            "order": OrderSerializer(order, context={"request": request}).data,
            "payment_url": payment_url,
        }
        return Response(body, status=status.HTTP_201_CREATED)


# Cancelling refunds through Stripe: the refund commits before Stripe is called (no request-wide
# transaction holding the order's row lock meanwhile).
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class OrderViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The signed-in customer's orders, newest first, with invoice links, payment status, refunds and
    credit notes; the customer cancels one or asks to return delivered items."""

    permission_classes = [IsAuthenticated]
    serializer_class = OrderSerializer
    lookup_field = "number"
    lookup_value_regex = "[^/]+"
    queryset = Order.objects.none()  # for the schema; get_queryset() scopes to the caller

    def get_queryset(self):
        return Order.objects.filter(user=self.request.user).prefetch_related("lines").order_by("-date_placed")

    @extend_schema(
        request=None,
        responses={
            200: OrderSerializer,
            409: OpenApiResponse(
                ErrorSerializer, "Why the order cannot be cancelled (e.g. already shipped)."
            ),
        },
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, number=None):
        """Cancel the order while it is unpaid or not yet shipped; a paid order is refunded in full."""
        try:
            order = cancellation.cancel_order_by_customer(self.get_object(), by=request.user)
        except cancellation.CancellationRefused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_409_CONFLICT)
        return Response(OrderSerializer(order, context={"request": request}).data)

    @extend_schema(methods=["GET"], request=None, responses=ReturnSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=ReturnRequestSerializer,
        responses={
            201: ReturnSerializer(many=True),
            400: OpenApiResponse(VALIDATION_ERROR, "Why the return was refused (`detail`), or per field."),
        },
    )
    @action(detail=True, methods=["get", "post"])
    def returns(self, request, number=None):
        """The order's return requests; POST asks to return delivered lines (one request per seller)."""
        order = self.get_object()
        if request.method == "GET":
            return Response(ReturnSerializer(order_returns(order), many=True).data)
        data = ReturnRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            made = returns.request_return(
                order,
                lines={item["line"]: item["quantity"] for item in data.validated_data["lines"]},
                reason=data.validated_data["reason"],
                refund_method=data.validated_data.get("refund_method", "card"),
                by=request.user,
            )
        except ReturnRefused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ReturnSerializer(made, many=True).data, status=status.HTTP_201_CREATED)


class TokenView(APIView):
    """A token for API clients, issued to a user signed in through allauth (rate limits, MFA)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=inline_serializer("Token", {"token": serializers.CharField()}))
    def post(self, request):
        from rest_framework.authtoken.models import Token

        token, _created = Token.objects.get_or_create(user=request.user)
        return Response({"token": token.key})

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        from rest_framework.authtoken.models import Token

        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class OrderCreditNoteView(APIView):
    """One credit note PDF of the caller's own order (404 for anyone else's)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(description="The credit note PDF.")})
    def get(self, request, number, credit_note_number):
        note = invoice_selectors.customer_credit_note(request.user, number, credit_note_number)
        if note is None:
            raise Http404
        return pdf_response(note)


class OrderInvoiceView(APIView):
    """One invoice PDF of the caller's own order (404 for anyone else's, so numbers cannot be probed)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(description="The invoice PDF.")})
    def get(self, request, number, invoice_number):
        invoice = invoice_selectors.customer_invoice(request.user, number, invoice_number)
        if invoice is None:
            raise Http404
        return pdf_response(invoice)
