"""Subscriptions over the API: list the caller's, subscribe to a product (an URL of Stripe Checkout
to open), cancel at period end, resume, pause. Views parse input and call
``commerce.subscriptions.services``; Stripe is called outside any transaction of the request."""

from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiResponse, extend_schema
from oscar.core.loading import get_model
from rest_framework import generics, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.subscriptions import selectors, services
from commerce.subscriptions.exceptions import BillingUnavailable, SubscriptionError
from commerce.subscriptions.models import Plan, Subscription

from .schema import VALIDATION_ERROR, ErrorSerializer

Product = get_model("catalogue", "Product")


class SubscriptionSerializer(serializers.ModelSerializer):
    product = serializers.IntegerField(source="plan.product_id")
    title = serializers.CharField(source="plan.product.get_title")
    interval = serializers.ChoiceField(source="plan.interval", choices=Plan.INTERVALS)
    amount = serializers.DecimalField(max_digits=12, decimal_places=3, help_text="TND charged per period.")
    next_renewal = serializers.DateTimeField(source="current_period_end", allow_null=True)
    paused_until = serializers.DateTimeField(allow_null=True)
    coins_received = serializers.IntegerField(source="coins", default=0)

    class Meta:
        model = Subscription
        fields = [
            "id",
            "product",
            "title",
            "interval",
            "status",
            "amount",
            "next_renewal",
            "cancel_at_period_end",
            "paused_until",
            "ended_at",
            "coins_received",
        ]


class SubscribeSerializer(serializers.Serializer):
    product = serializers.PrimaryKeyRelatedField(
        queryset=Product.objects.filter(subscription_plan__isnull=False)
    )


class CheckoutUrlSerializer(serializers.Serializer):
    checkout_url = serializers.URLField(help_text="Stripe Checkout's page (subscription mode) to open.")


class PauseSerializer(serializers.Serializer):
    periods = serializers.IntegerField(
        min_value=1, max_value=services.MAX_PAUSE_PERIODS, help_text="Renewals to skip (1 to 12)."
    )


def _refused(error):
    code = (
        status.HTTP_503_SERVICE_UNAVAILABLE
        if isinstance(error, BillingUnavailable)
        else status.HTTP_409_CONFLICT
    )
    return Response({"detail": str(error.message)}, status=code)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SubscriptionsView(generics.ListAPIView):
    """``GET``: the caller's subscriptions, newest first; ``POST``: subscribe to a product."""

    permission_classes = [IsAuthenticated]
    serializer_class = SubscriptionSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.for_customer(self.request.user)

    @extend_schema(
        request=SubscribeSerializer,
        responses={
            201: CheckoutUrlSerializer,
            400: OpenApiResponse(VALIDATION_ERROR),
            409: OpenApiResponse(ErrorSerializer, description="Already subscribed to this plan."),
            503: OpenApiResponse(ErrorSerializer, description="Stripe is unreachable."),
        },
    )
    def post(self, request):
        data = SubscribeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        product = data.validated_data["product"]
        mine = request.build_absolute_uri(reverse("subscriptions:mine"))
        try:
            url = services.start_checkout(
                request.user,
                product,
                success_url=f"{mine}?checkout=success",
                cancel_url=request.build_absolute_uri(product.get_absolute_url()),
                language=get_language(),
            )
        except SubscriptionError as error:
            return _refused(error)
        return Response({"checkout_url": url}, status=status.HTTP_201_CREATED)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SubscriptionActionView(APIView):
    """One action on one of the caller's subscriptions; answers the subscription as it now is."""

    permission_classes = [IsAuthenticated]
    action = None

    def _subscription(self, pk):
        sub = selectors.for_customer(self.request.user).filter(pk=pk).first()
        if sub is None:
            raise Http404
        return sub

    def _answer(self, pk, change):
        sub = self._subscription(pk)
        try:
            change(sub)
        except SubscriptionError as error:
            return _refused(error)
        return Response(SubscriptionSerializer(self._subscription(pk)).data)


ACTION_RESPONSES = {
    200: SubscriptionSerializer,
    404: OpenApiResponse(ErrorSerializer, description="Not one of your subscriptions."),
    409: OpenApiResponse(ErrorSerializer, description="The subscription has ended."),
    503: OpenApiResponse(ErrorSerializer, description="Stripe is unreachable."),
}


class CancelView(SubscriptionActionView):
    @extend_schema(
        request=None, responses=ACTION_RESPONSES, description="Cancel at the end of the paid period."
    )
    def post(self, request, pk):
        return self._answer(pk, services.cancel_at_period_end)


class ResumeView(SubscriptionActionView):
    @extend_schema(
        request=None,
        responses=ACTION_RESPONSES,
        description="Undo a cancellation at period end, end a pause.",
    )
    def post(self, request, pk):
        return self._answer(pk, services.resume)


class PauseView(SubscriptionActionView):
    @extend_schema(
        request=PauseSerializer,
        responses={**ACTION_RESPONSES, 400: OpenApiResponse(VALIDATION_ERROR)},
        description="Skip the next `periods` renewals: no charge, no benefits.",
    )
    def post(self, request, pk):
        data = PauseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._answer(pk, lambda sub: services.pause(sub, data.validated_data["periods"]))
