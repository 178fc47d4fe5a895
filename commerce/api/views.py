"""API endpoints: parse input, call the storefront's services, answer JSON. No business logic here."""

from django.db import transaction
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from oscar.core.loading import get_model
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.basket import services as baskets
from commerce.basket.exceptions import BasketRefused
from commerce.catalogue.selectors import browsable_products
from commerce.checkout import services as checkout
from commerce.checkout.exceptions import CheckoutError
from commerce.payment.stripe import sessions

from .baskets import basket_for, line_of
from .filters import ProductFilter
from .schema import VALIDATION_ERROR
from .serializers import (
    AddToBasketSerializer,
    BasketSerializer,
    CheckoutSerializer,
    LineQuantitySerializer,
    OrderSerializer,
    ProductDetailSerializer,
    ProductSerializer,
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


class OrderViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The signed-in customer's orders, newest first, with invoice links."""

    permission_classes = [IsAuthenticated]
    serializer_class = OrderSerializer
    lookup_field = "number"
    lookup_value_regex = "[^/]+"
    queryset = Order.objects.none()  # for the schema; get_queryset() scopes to the caller

    def get_queryset(self):
        return Order.objects.filter(user=self.request.user).prefetch_related("lines").order_by("-date_placed")


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


class OrderInvoiceView(APIView):
    """One invoice PDF of the caller's own order (404 for anyone else's, so numbers cannot be probed)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(description="The invoice PDF.")})
    def get(self, request, number, invoice_number):
        from commerce.invoices import selectors
        from commerce.invoices.views import pdf_response

        invoice = selectors.customer_invoice(request.user, number, invoice_number)
        if invoice is None:
            raise Http404
        return pdf_response(invoice)
