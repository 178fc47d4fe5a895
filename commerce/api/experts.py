"""``/api/experts/``: the public experts directory and one expert's profile (listed experts only)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny

from commerce.core.sites import absolute_url
from commerce.experts import selectors
from commerce.experts.models import SPOKEN_LANGUAGES, ExpertProfile

from .schema import VALIDATION_ERROR, ErrorSerializer


class DomainSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField(help_text="In the request's language.")


class PricesSerializer(serializers.Serializer):
    text = serializers.IntegerField(source="text_price", allow_null=True, help_text="Coins per text answer.")
    video = serializers.IntegerField(
        source="video_price", allow_null=True, help_text="Coins per video answer."
    )
    call_per_minute = serializers.IntegerField(
        source="call_price_per_minute", allow_null=True, help_text="Coins per minute of video call."
    )
    call_minimum_minutes = serializers.IntegerField()


class ExpertSerializer(serializers.ModelSerializer):
    """A listed expert: ``null`` prices are services the expert does not offer."""

    url = serializers.SerializerMethodField()
    photo = serializers.SerializerMethodField()
    domains = DomainSerializer(many=True)
    languages = serializers.ListField(child=serializers.ChoiceField(choices=SPOKEN_LANGUAGES))
    services = serializers.SerializerMethodField()
    prices = PricesSerializer(source="*")
    verified = serializers.SerializerMethodField(help_text="The identity card was checked by an admin.")

    class Meta:
        model = ExpertProfile
        fields = [
            "slug",
            "full_name",
            "url",
            "photo",
            "domains",
            "languages",
            "services",
            "prices",
            "verified",
        ]

    def get_url(self, expert) -> str:
        return absolute_url(expert.get_absolute_url())

    def get_photo(self, expert) -> str | None:
        return absolute_url(expert.photo.url) if expert.photo else None

    def get_services(self, expert) -> list[str]:
        return [name for name, _price in expert.services]

    def get_verified(self, expert) -> bool:
        return expert.status == ExpertProfile.Status.APPROVED


class ExpertDetailSerializer(ExpertSerializer):
    bio = serializers.CharField(help_text="In the request's language (French when not written in it).")
    booking_mode = serializers.ChoiceField(choices=ExpertProfile.Booking.choices)

    class Meta(ExpertSerializer.Meta):
        fields = [*ExpertSerializer.Meta.fields, "bio", "booking_mode"]


class ExpertFilterSerializer(serializers.Serializer):
    domain = serializers.SlugField(required=False, help_text="A domain's slug (e.g. `finance`).")
    language = serializers.ChoiceField(
        choices=SPOKEN_LANGUAGES, required=False, help_text="A spoken language."
    )
    service = serializers.ChoiceField(choices=["text", "video", "call"], required=False)
    max_price = serializers.IntegerField(
        min_value=0,
        required=False,
        help_text="Most coins: for `service` when given (per minute for calls), else for any service.",
    )


@extend_schema(
    parameters=[ExpertFilterSerializer],
    responses={
        200: ExpertSerializer(many=True),
        400: OpenApiResponse(VALIDATION_ERROR, "A filter is invalid."),
    },
)
class ExpertListView(generics.ListAPIView):
    """Approved public experts, newest first, 24 per page."""

    permission_classes = [AllowAny]
    serializer_class = ExpertSerializer
    queryset = ExpertProfile.objects.none()  # for the schema; get_queryset() lists

    def get_queryset(self):
        filters = ExpertFilterSerializer(data=self.request.query_params)
        if not filters.is_valid():
            raise ValidationError(filters.errors)
        return selectors.listed_experts(**filters.validated_data)


@extend_schema(
    responses={200: ExpertDetailSerializer, 404: OpenApiResponse(ErrorSerializer, "No listed expert.")}
)
class ExpertDetailView(generics.RetrieveAPIView):
    """One listed expert; an unknown, unapproved or private expert is a 404."""

    permission_classes = [AllowAny]
    serializer_class = ExpertDetailSerializer
    queryset = ExpertProfile.objects.none()

    def get_object(self):
        return selectors.listed_expert(self.kwargs["slug"])
