"""Digital products over the API: the buyer's downloads (``/api/downloads/``) and the public licence
API a seller's own software calls (``/api/licenses/verify|activate|deactivate/``, Lemon Squeezy's
model), rate-limited per client address."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from commerce.core.sites import absolute_url
from commerce.digital import selectors, services
from commerce.digital.exceptions import NO_SUCH_KEY
from commerce.digital.links import download_rows
from commerce.digital.models import LicenceKey

from .schema import VALIDATION_ERROR, ErrorSerializer


class DownloadSerializer(serializers.Serializer):
    product = serializers.IntegerField(source="entitlement.product_id")
    file = serializers.CharField(source="file.name")
    version = serializers.IntegerField(source="version.number")
    downloads_left = serializers.IntegerField(source="entitlement.downloads_left")
    url = serializers.SerializerMethodField(
        help_text="Short-lived signed link: the file, or 403/410 JSON `{detail}` when refused."
    )

    def get_url(self, row) -> str:
        return absolute_url(row["url"])


class DownloadsView(APIView):
    """Every current file the caller bought (refunded purchases are left out)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: DownloadSerializer(many=True)}, operation_id="downloads_list")
    def get(self, request):
        entitlements = selectors.entitlements_of(user=request.user).filter(revoked_at=None)
        return Response(DownloadSerializer(download_rows(entitlements), many=True).data)


class LicenceThrottle(AnonRateThrottle):
    """Per client address, signed in or not: keys cannot be guessed at speed."""

    scope = "licenses"
    rate = "30/min"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class VerifySerializer(serializers.Serializer):
    product = serializers.IntegerField()
    key = serializers.CharField(max_length=100)


class ActivateSerializer(VerifySerializer):
    instance_name = serializers.CharField(max_length=200)


class DeactivateSerializer(VerifySerializer):
    instance_id = serializers.UUIDField()


class LicenceSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    uses = serializers.IntegerField(help_text="Machines the key is active on.")
    seats = serializers.IntegerField(allow_null=True, help_text="Machines allowed; null: unlimited.")
    status = serializers.CharField(
        help_text="`active`, `disabled`, or `not_found` (no such key for the product)."
    )


class ActivationSerializer(LicenceSerializer):
    activated = serializers.BooleanField()
    instance_id = serializers.UUIDField(allow_null=True)


class DeactivationSerializer(LicenceSerializer):
    deactivated = serializers.BooleanField()


def _find(data):
    """The key of that product (a variant's key counts for its parent), or None."""
    return (
        LicenceKey.objects.filter(key=data["key"], line__isnull=False)
        .filter(product_id=data["product"])
        .first()
        or LicenceKey.objects.filter(
            key=data["key"], line__isnull=False, product__parent_id=data["product"]
        ).first()
    )


def _state(licence):
    if licence is None:
        return {"valid": False, "uses": 0, "seats": None, "status": "not_found"}
    return {
        "valid": licence.status == LicenceKey.Status.ACTIVE,
        "uses": selectors.uses(licence),
        "seats": licence.seats,
        "status": licence.status,
    }


class LicenceView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [LicenceThrottle]
    serializer_class = VerifySerializer

    def parsed(self, request):
        serializer = self.serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class LicenceVerifyView(LicenceView):
    @extend_schema(
        request=VerifySerializer,
        responses={200: LicenceSerializer, 400: OpenApiResponse(VALIDATION_ERROR)},
        operation_id="licenses_verify",
    )
    def post(self, request):
        return Response(_state(_find(self.parsed(request))))


class LicenceActivateView(LicenceView):
    serializer_class = ActivateSerializer

    @extend_schema(
        request=ActivateSerializer,
        responses={
            200: ActivationSerializer,
            400: OpenApiResponse(VALIDATION_ERROR),
            404: ErrorSerializer,
        },
        operation_id="licenses_activate",
    )
    def post(self, request):
        data = self.parsed(request)
        licence = _find(data)
        if licence is None:
            return Response({"detail": str(NO_SUCH_KEY)}, status=status.HTTP_404_NOT_FOUND)
        activation = services.activate(licence, data["instance_name"])
        return Response(
            {
                **_state(licence),
                "activated": activation is not None,
                "instance_id": activation.instance if activation else None,
            }
        )


class LicenceDeactivateView(LicenceView):
    serializer_class = DeactivateSerializer

    @extend_schema(
        request=DeactivateSerializer,
        responses={200: DeactivationSerializer, 400: OpenApiResponse(VALIDATION_ERROR), 404: ErrorSerializer},
        operation_id="licenses_deactivate",
    )
    def post(self, request):
        data = self.parsed(request)
        licence = _find(data)
        if licence is None:
            return Response({"detail": str(NO_SUCH_KEY)}, status=status.HTTP_404_NOT_FOUND)
        deactivated = services.deactivate(licence, data["instance_id"])
        return Response({**_state(licence), "deactivated": deactivated})
