"""The caller's coins over the API (``/api/wallet/``, ``/api/wallet/entries/``), from the same
selectors as the wallet page. Routes are mounted by ``commerce.api.urls``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.api.authentication import TokenAuthentication
from commerce.api.schema import VALIDATION_ERROR

from . import history, selectors
from .forms import HistoryFilterForm
from .models import Transaction


class WalletSerializer(serializers.Serializer):
    coins = serializers.IntegerField(help_text="Coins the caller can spend now.")
    held_coins = serializers.IntegerField(help_text="Coins on hold until what they pay for happens.")
    coin_value = serializers.DecimalField(
        max_digits=8, decimal_places=3, help_text="What one coin is worth, in `currency`."
    )
    currency = serializers.CharField(help_text="ISO 4217 code of `coin_value` (TND).")


class EntrySerializer(serializers.Serializer):
    """One movement of the caller's wallet: coins in (positive) or out (negative)."""

    id = serializers.IntegerField()
    created_at = serializers.DateTimeField(source="transaction.created_at")
    kind = serializers.ChoiceField(choices=Transaction.Kind.choices, source="transaction.kind")
    kind_label = serializers.CharField(
        source="transaction.get_kind_display", help_text="The kind, in the caller's language."
    )
    reference = serializers.SerializerMethodField(help_text="What the coins were for (reference or memo).")
    coins = serializers.SerializerMethodField(help_text="Signed: positive credited, negative taken.")

    def get_reference(self, entry) -> str:
        return entry.transaction.reference or entry.transaction.memo

    def get_coins(self, entry) -> int:
        return history.entry_coins(entry)


#: The site's default pair, the token read by one pre-built statement (the coin benchmark's spend
#: endpoint authenticates as these views do).
AUTHENTICATION = [TokenAuthentication, SessionAuthentication]


class WalletView(APIView):
    """The caller's balance: coins available, coins on hold, and what a coin is worth."""

    authentication_classes = AUTHENTICATION
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=WalletSerializer, operation_id="wallet_retrieve")
    def get(self, request):
        coins, held_coins = selectors.wallet_summary(request.user)
        data = {
            "coins": coins,
            "held_coins": held_coins,
            "coin_value": selectors.coin_value(),
            "currency": "TND",
        }
        return Response(WalletSerializer(data).data)


@extend_schema(
    responses={
        200: EntrySerializer(many=True),
        400: OpenApiResponse(VALIDATION_ERROR, "A filter that is not valid (per parameter)."),
    },
    parameters=[
        OpenApiParameter("kind", enum=[kind for kind, _label in Transaction.Kind.choices]),
        OpenApiParameter("since", OpenApiTypes.DATE, description="First day, inclusive (site's time zone)."),
        OpenApiParameter("until", OpenApiTypes.DATE, description="Last day, inclusive (site's time zone)."),
    ],
)
class WalletEntriesView(generics.ListAPIView):
    """The caller's wallet history, newest first, paginated; filters as on the wallet page."""

    authentication_classes = AUTHENTICATION
    permission_classes = [IsAuthenticated]
    serializer_class = EntrySerializer

    def get_queryset(self):
        form = HistoryFilterForm.from_query(self.request.query_params)
        if form.is_bound and not form.is_valid():
            raise ValidationError(form.errors)
        return selectors.entries_for(self.request.user, **form.filters())
