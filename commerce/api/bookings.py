"""``/api/…/slots/`` and ``/api/bookings/``: free slots of experts and services, booking, and the
client's and provider's answers. Views parse input and call ``commerce.bookings.services``."""

import zoneinfo
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from oscar.core.loading import get_model
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.bookings import selectors, services
from commerce.bookings.exceptions import BookingError, NotAllowed, SlotTaken, TooLateToMove, WrongStatus
from commerce.bookings.fulfilment import duration_of
from commerce.bookings.models import TIME_ZONES, Booking
from commerce.bookings.slots import local_day_range
from commerce.experts import selectors as experts
from commerce.wallet.exceptions import InsufficientCoins

from .baskets import basket_for
from .schema import VALIDATION_ERROR, ErrorSerializer

Product = get_model("catalogue", "Product")


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField(help_text="ISO-8601 in the asked time zone.")
    end = serializers.DateTimeField()


class SlotQuerySerializer(serializers.Serializer):
    start = serializers.DateField(
        required=False, help_text="First day (YYYY-MM-DD, in `tz`); today by default."
    )
    days = serializers.IntegerField(required=False, default=7, min_value=1, max_value=31)
    tz = serializers.ChoiceField(
        choices=TIME_ZONES, required=False, help_text="The viewer's IANA time zone (Africa/Tunis by default)."
    )
    minutes = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=600,
        help_text="Experts only: call length (the minimum by default).",
    )


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    alternatives = SlotSerializer(many=True, help_text="The nearest free slots.")


class BookingRequestSerializer(serializers.Serializer):
    """An expert call (``expert`` + ``start`` + ``minutes``) or a service (``product`` + ``start``)."""

    expert = serializers.SlugField(required=False)
    product = serializers.IntegerField(required=False)
    start = serializers.DateTimeField(help_text="ISO-8601 with its offset.")
    minutes = serializers.IntegerField(required=False, min_value=1, max_value=600)

    def validate(self, data):
        if bool(data.get("expert")) == bool(data.get("product")):
            raise ValidationError({"detail": "Give either `expert` or `product`."})
        if data.get("expert") and not data.get("minutes"):
            raise ValidationError({"minutes": "Required with `expert`."})
        return data


class BookingCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Booking.Status.choices)


class BookingSerializer(serializers.ModelSerializer):
    provider = serializers.CharField(source="provider.__str__")
    expert = serializers.SlugField(source="provider.expert.slug", default=None, allow_null=True)
    product = serializers.IntegerField(source="product_id", allow_null=True)
    cancel_reason = serializers.CharField()

    class Meta:
        model = Booking
        fields = [
            "id",
            "status",
            "kind",
            "start",
            "end",
            "provider",
            "expert",
            "product",
            "coins",
            "proposals",
            "cancel_reason",
        ]


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=255)


def _slots(request, provider, duration):
    query = SlotQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    zone = zoneinfo.ZoneInfo(query.validated_data.get("tz") or settings.BOOKINGS_DEFAULT_TIME_ZONE)
    first = query.validated_data.get("start") or datetime.now(zone).date()
    start, end = local_day_range(first, query.validated_data["days"], zone)
    found = [] if provider is None else selectors.free_slots(provider, start, end, duration)
    return Response(
        [{"start": s.astimezone(zone).isoformat(), "end": e.astimezone(zone).isoformat()} for s, e in found]
    )


def _not_enough_coins():
    return Response(
        {"detail": _("You do not have enough coins for this call. Top up your wallet.")},
        status=status.HTTP_402_PAYMENT_REQUIRED,
    )


def _conflict(error):
    return Response(
        {
            "detail": str(error.message),
            "alternatives": [
                {"start": s.astimezone(UTC).isoformat(), "end": e.astimezone(UTC).isoformat()}
                for s, e in error.alternatives
            ],
        },
        status=status.HTTP_409_CONFLICT,
    )


SLOT_RESPONSES = {
    200: SlotSerializer(many=True),
    400: OpenApiResponse(VALIDATION_ERROR, "A parameter is invalid."),
}


@extend_schema(parameters=[SlotQuerySerializer], responses={**SLOT_RESPONSES, 404: ErrorSerializer})
class ExpertSlotsView(APIView):
    """Free call slots of a listed expert, in the viewer's time zone."""

    permission_classes = [AllowAny]

    def get(self, request, slug):
        expert = experts.listed_expert(slug)
        minutes = request.query_params.get("minutes")
        minutes = int(minutes) if minutes and minutes.isdigit() else expert.call_minimum_minutes
        minutes = max(minutes, expert.call_minimum_minutes)
        provider = selectors.provider_of_expert(expert) if expert.call_price_per_minute else None
        return _slots(request, provider, timedelta(minutes=minutes))


@extend_schema(parameters=[SlotQuerySerializer], responses={**SLOT_RESPONSES, 404: ErrorSerializer})
class ProductSlotsView(APIView):
    """Free slots of a service product (its duration), in the viewer's time zone."""

    permission_classes = [AllowAny]

    def get(self, request, pk):
        product = get_object_or_404(Product, pk=pk, is_public=True)
        duration = duration_of(product)
        if duration is None:
            return Response({"detail": "Not a service."}, status=status.HTTP_404_NOT_FOUND)
        return _slots(request, selectors.provider_of_product(product), duration)


class BookingsView(generics.ListAPIView):
    """The caller's bookings as a client, soonest first."""

    permission_classes = [IsAuthenticated]
    serializer_class = BookingSerializer
    queryset = Booking.objects.none()

    def get_queryset(self):
        return selectors.bookings_of_client(self.request.user).order_by("-start")

    @extend_schema(
        request=BookingRequestSerializer,
        responses={
            201: BookingCreatedSerializer,
            400: OpenApiResponse(VALIDATION_ERROR, "Invalid request, or the time is not open."),
            402: OpenApiResponse(ErrorSerializer, "Not enough coins for the call."),
            404: ErrorSerializer,
            409: OpenApiResponse(ConflictSerializer, "The slot was just taken: nearest free slots."),
        },
    )
    def post(self, request):
        """Book an expert call (coins held) or hold a service's slot and put it in the basket."""
        data = BookingRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        data = data.validated_data
        try:
            if data.get("expert"):
                expert = experts.listed_expert(data["expert"])
                booking = services.book_call(request.user, expert, data["start"], data["minutes"])
            else:
                product = get_object_or_404(Product, pk=data["product"], is_public=True)
                booking = services.book_service(request.user, basket_for(request), product, data["start"])
        except SlotTaken as error:
            return _conflict(error)
        except InsufficientCoins:
            return _not_enough_coins()
        except BookingError as error:
            return Response({"detail": str(error.message)}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"id": booking.pk, "status": booking.status}, status=status.HTTP_201_CREATED)


class BookingActionView(APIView):
    """One answer to a booking: the subclass names the service to call."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=ReasonSerializer,
        responses={
            200: BookingCreatedSerializer,
            403: ErrorSerializer,
            404: ErrorSerializer,
            409: OpenApiResponse(ErrorSerializer, "The booking's status does not allow it."),
        },
    )
    def post(self, request, pk):
        booking = get_object_or_404(Booking, pk=pk)
        if booking.client_id != request.user.pk and not booking.provider.managed_by(request.user):
            return Response({"detail": str(NotAllowed.message)}, status=status.HTTP_404_NOT_FOUND)
        reason = ReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        try:
            booking = self.act(booking, request.user, reason.validated_data.get("reason", ""))
        except NotAllowed as error:
            return Response({"detail": str(error.message)}, status=status.HTTP_403_FORBIDDEN)
        except BookingError as error:
            return Response({"detail": str(error.message)}, status=status.HTTP_409_CONFLICT)
        return Response({"id": booking.pk, "status": booking.status})


class CancelBookingView(BookingActionView):
    """Cancel (client or provider); a client's late cancellation pays the provider's fee."""

    def act(self, booking, user, reason):
        return services.cancel(booking, by=user, reason=reason)


class ConfirmBookingView(BookingActionView):
    """The provider confirms a request."""

    def act(self, booking, user, reason):
        return services.confirm(booking, by=user)


class DeclineBookingView(BookingActionView):
    """The provider declines a request: the coins go back."""

    def act(self, booking, user, reason):
        return services.decline(booking, by=user, reason=reason)


class RescheduleSerializer(serializers.Serializer):
    start = serializers.DateTimeField(help_text="The new start, ISO-8601 with its offset.")
    minutes = serializers.IntegerField(
        required=False, min_value=1, max_value=600, help_text="Expert calls only: a new length."
    )


class RescheduledSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Booking.Status.choices)
    start = serializers.DateTimeField()


class RescheduleBookingView(APIView):
    """Move a booking to another free time (the client until the free-cancellation deadline, the
    provider at any time); a call's coins are held again for its new time and length."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=RescheduleSerializer,
        responses={
            200: RescheduledSerializer,
            400: OpenApiResponse(VALIDATION_ERROR, "Invalid request, or the time is not open."),
            402: OpenApiResponse(ErrorSerializer, "Not enough coins for the longer call."),
            403: ErrorSerializer,
            404: ErrorSerializer,
            409: OpenApiResponse(
                ConflictSerializer,
                "The slot was just taken (with the nearest free slots), the booking starts too soon "
                "to be moved by the client, or its status does not allow it.",
            ),
        },
    )
    def post(self, request, pk):
        booking = get_object_or_404(Booking, pk=pk)
        if booking.client_id != request.user.pk and not booking.provider.managed_by(request.user):
            return Response({"detail": str(NotAllowed.message)}, status=status.HTTP_404_NOT_FOUND)
        data = RescheduleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            booking = services.reschedule(
                booking,
                by=request.user,
                start=data.validated_data["start"],
                minutes=data.validated_data.get("minutes"),
            )
        except SlotTaken as error:
            return _conflict(error)
        except InsufficientCoins:
            return _not_enough_coins()
        except NotAllowed as error:
            return Response({"detail": str(error.message)}, status=status.HTTP_403_FORBIDDEN)
        except (TooLateToMove, WrongStatus) as error:
            return Response(
                {"detail": str(error.message), "alternatives": []}, status=status.HTTP_409_CONFLICT
            )
        except BookingError as error:
            return Response({"detail": str(error.message)}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"id": booking.pk, "status": booking.status, "start": booking.start.isoformat()})
