"""``/api/experts/<slug>/messages/`` and ``/api/messages/``: paid questions to experts.

Sending holds the expert's price (``402`` with a message when the wallet cannot pay, nothing
held); only an approved public expert is payable (``404`` otherwise). A message is readable by its
client and its expert; only its expert replies or declines; anyone else gets ``404``.
"""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.consultations import selectors, services
from commerce.consultations.exceptions import AlreadyResolved, ConsultationError, NotEnoughCoins
from commerce.consultations.models import PaidMessage
from commerce.core.sites import absolute_url
from commerce.experts.selectors import listed_expert
from commerce.messaging.text import MAX_LENGTH

from .schema import VALIDATION_ERROR, ErrorSerializer


class SendMessageSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PaidMessage.Kind.choices)
    body = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_LENGTH, help_text="The question (required for text)."
    )
    video = serializers.FileField(
        required=False, help_text="Video questions: WebM or MP4, sent as multipart."
    )


class SentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=PaidMessage.Status.choices)
    held_coins = serializers.IntegerField(help_text="Coins taken from the wallet and held until the answer.")


class ReplySerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, max_length=MAX_LENGTH)
    video = serializers.FileField(required=False, help_text="A video answer (WebM or MP4), as multipart.")


class PaidMessageSerializer(serializers.ModelSerializer):
    """A paid message as its client or its expert sees it."""

    expert = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="The expert's slug.")
    expert_name = serializers.CharField(source="expert.full_name")
    role = serializers.SerializerMethodField(help_text="`client` or `expert`: how the caller takes part.")
    held_coins = serializers.IntegerField(source="price_coins")
    video_url = serializers.SerializerMethodField()
    answer_video_url = serializers.SerializerMethodField()

    class Meta:
        model = PaidMessage
        fields = [
            "id",
            "status",
            "kind",
            "expert",
            "expert_name",
            "role",
            "body",
            "video_url",
            "held_coins",
            "deadline",
            "answer_text",
            "answer_video_url",
            "answered_at",
            "created_at",
            "thread",
        ]

    def get_role(self, message) -> str:
        return "client" if message.client_id == self.context["request"].user.pk else "expert"

    def _video(self, message, which, field):
        return absolute_url(reverse("consultations:video", args=[message.pk, which])) if field else None

    def get_video_url(self, message) -> str | None:
        return self._video(message, "question", message.video)

    def get_answer_video_url(self, message) -> str | None:
        return self._video(message, "answer", message.answer_video)


def _refused(error, code=status.HTTP_400_BAD_REQUEST):
    return Response({"detail": str(error)}, status=code)


@extend_schema(
    request={"application/json": SendMessageSerializer, "multipart/form-data": SendMessageSerializer},
    responses={
        201: SentSerializer,
        400: OpenApiResponse(VALIDATION_ERROR, "The question is empty, too long, or the video is refused."),
        402: OpenApiResponse(ErrorSerializer, "Not enough coins: nothing was held, no message was sent."),
        404: OpenApiResponse(ErrorSerializer, "No approved public expert at this address."),
    },
)
class ExpertMessagesView(APIView):
    """Send a paid text or video question to an expert; its price is held until the answer."""

    permission_classes = [IsAuthenticated]

    def post(self, request, slug):
        expert = listed_expert(slug)
        data = SendMessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            message = services.send(
                request.user, expert, values["kind"], values.get("body", ""), video=values.get("video")
            )
        except NotEnoughCoins as error:
            return _refused(error, status.HTTP_402_PAYMENT_REQUIRED)
        except ConsultationError as error:
            return _refused(error)
        return Response(
            {"id": message.pk, "status": message.status, "held_coins": message.price_coins},
            status=status.HTTP_201_CREATED,
        )


@extend_schema(
    parameters=[
        OpenApiParameter(
            "role", str, enum=["client", "expert"], description="Only the messages sent, or received."
        ),
    ]
)
class MessagesView(generics.ListAPIView):
    """The caller's paid messages: those they sent (client) and those sent to them (expert)."""

    permission_classes = [IsAuthenticated]
    serializer_class = PaidMessageSerializer
    queryset = PaidMessage.objects.none()  # for the schema; get_queryset() scopes to the caller

    def get_queryset(self):
        role = self.request.query_params.get("role")
        return selectors.messages_for(self.request.user, role=role if role in ("client", "expert") else None)


def _visible(request, pk):
    """404 unless the caller is the message's client or expert (before the body is read)."""
    if selectors.message_for(request.user, pk) is None:
        raise Http404


def _answer(request, pk, action):
    """Run ``action(message)`` (the services refuse anyone but the message's expert: 404)."""
    try:
        message = action(PaidMessage(pk=pk))
    except AlreadyResolved as error:
        return _refused(error, status.HTTP_409_CONFLICT)
    except ConsultationError as error:
        return _refused(error)
    message = selectors.message_for(request.user, message.pk)
    return Response(PaidMessageSerializer(message, context={"request": request}).data)


ANSWER_RESPONSES = {
    200: PaidMessageSerializer,
    400: OpenApiResponse(VALIDATION_ERROR, "The answer is empty, too long, or the video is refused."),
    404: OpenApiResponse(ErrorSerializer, "No such message sent to you."),
    409: OpenApiResponse(ErrorSerializer, "The message was already answered, declined or expired."),
}


@extend_schema(
    request={"application/json": ReplySerializer, "multipart/form-data": ReplySerializer},
    responses=ANSWER_RESPONSES,
)
class ReplyView(APIView):
    """The expert answers (text or video): the held coins are captured, 80 % to the expert."""

    permission_classes = [IsAuthenticated]

    def post(self, request, pk):
        _visible(request, pk)
        data = ReplySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        return _answer(
            request,
            pk,
            lambda message: services.reply(
                request.user, message, values.get("text", ""), video=values.get("video")
            ),
        )


@extend_schema(request=None, responses=ANSWER_RESPONSES)
class DeclineView(APIView):
    """The expert declines: the held coins go back to the client."""

    permission_classes = [IsAuthenticated]

    def post(self, request, pk):
        _visible(request, pk)
        return _answer(request, pk, lambda message: services.decline(request.user, message))
