"""Conversations over the API: list and open threads, read (and search) a thread's messages, post
one with an attachment. Views parse input and call ``commerce.messaging``; live delivery is the
``ws_url`` socket (``commerce.messaging.consumers``)."""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from oscar.core.loading import get_model
from rest_framework import generics, serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from commerce.messaging import selectors, services
from commerce.messaging.access import role_in, visible_thread
from commerce.messaging.broadcast import message_frame
from commerce.messaging.exceptions import MessagingRefused
from commerce.messaging.models import Message, Participant, Thread

from .schema import VALIDATION_ERROR, ErrorSerializer

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")


def ws_url(request, thread):
    scheme = "wss" if request.is_secure() else "ws"
    return f"{scheme}://{request.get_host()}{thread.ws_path}"


class ThreadSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Thread.KINDS)
    status = serializers.ChoiceField(choices=Thread.STATUSES)
    shop = serializers.SerializerMethodField()
    product = serializers.IntegerField(source="product_id", allow_null=True)
    order = serializers.CharField(source="order.number", allow_null=True, default=None)
    unread = serializers.IntegerField(help_text="Messages from others after the last one you read.")
    last_message_at = serializers.DateTimeField(allow_null=True)
    ws_url = serializers.SerializerMethodField()

    def get_shop(self, thread) -> dict | None:
        return {"id": thread.partner_id, "name": thread.partner.name} if thread.partner_id else None

    def get_ws_url(self, thread) -> str:
        return ws_url(self.context["request"], thread)


class OpenThreadSerializer(serializers.Serializer):
    """Either ``{"with": "support"}`` (a guest adds ``email``) or ``{"seller": <shop id>, "product":
    <id>}`` (or ``"order": "<number>"``)."""

    with_ = serializers.ChoiceField(choices=["support"], required=False, help_text="`support`")
    email = serializers.EmailField(required=False, help_text="A guest's email, so support can answer.")
    seller = serializers.PrimaryKeyRelatedField(queryset=Partner.objects.all(), required=False)
    product = serializers.PrimaryKeyRelatedField(queryset=Product.objects.all(), required=False)
    order = serializers.SlugRelatedField(slug_field="number", queryset=Order.objects.all(), required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["with"] = fields.pop("with_")
        return fields

    def validate(self, data):
        if data.get("with") == "support":
            return data
        if data.get("seller") is None:
            raise serializers.ValidationError(
                {"seller": [_('Give "seller" (with "product" or "order"), or "with": "support".')]}
            )
        return data


class OpenedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ws_url = serializers.CharField(help_text="The thread's socket: `ws://…/ws/chat/<id>/`.")


class AttachmentSerializer(serializers.Serializer):
    url = serializers.CharField()
    name = serializers.CharField()
    type = serializers.CharField()


class SenderSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="`null` for a guest.")
    name = serializers.CharField(
        allow_blank=True,
        help_text="The shop's name (seller), the agent's first name (support; may be blank), "
        "the client's first name.",
    )
    role = serializers.ChoiceField(choices=Participant.ROLES)


class MessageSerializer(serializers.Serializer):
    """The socket's ``message`` frame (``broadcast.message_frame``, one shape for both)."""

    type = serializers.CharField()
    id = serializers.IntegerField()
    thread = serializers.IntegerField()
    sender = SenderSerializer()
    body = serializers.CharField(help_text="As typed.")
    html = serializers.CharField(help_text="The body as safe HTML (escaped, links made safe).")
    sent_at = serializers.DateTimeField()
    internal = serializers.BooleanField()
    attachment = AttachmentSerializer(allow_null=True)

    def to_representation(self, instance):
        return message_frame(instance)


class PostMessageSerializer(serializers.Serializer):
    body = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    attachment = serializers.FileField(required=False, help_text="A picture (JPEG, PNG, WebP, GIF) or a PDF.")


class MessagePagination(PageNumberPagination):
    page_size = 30


def _thread(request, pk):
    thread = visible_thread(request.user, pk, request.session)
    if thread is None:
        raise Http404
    return thread


class ThreadsView(generics.ListAPIView):
    """The caller's conversations, and opening one (guests may open a support thread with an email)."""

    permission_classes = [AllowAny]
    serializer_class = ThreadSerializer
    queryset = Thread.objects.none()  # for the schema; get_queryset() scopes to the caller

    def get_queryset(self):
        return selectors.inbox(self.request.user, self.request.session)

    @extend_schema(
        request=OpenThreadSerializer,
        responses={
            201: OpenedSerializer,
            200: OpenApiResponse(
                OpenedSerializer, "The caller's conversation on that subject already exists."
            ),
            400: OpenApiResponse(
                VALIDATION_ERROR, "Why the conversation cannot be opened (`detail`), or per field."
            ),
        },
    )
    def post(self, request):
        data = OpenThreadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            if values.get("with") == "support":
                thread, created = services.open_support_thread(
                    user=request.user, guest_email=values.get("email", ""), session=request.session
                )
            else:
                thread, created = services.open_seller_thread(
                    client=request.user,
                    partner=values["seller"],
                    product=values.get("product"),
                    order=values.get("order"),
                )
        except MessagingRefused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(
            {"id": thread.pk, "ws_url": ws_url(request, thread)},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ThreadMessagesView(generics.ListAPIView):
    """A thread's messages, newest first, 30 a page; ``before``/``after`` page by id (infinite scroll,
    catching up), ``q`` searches (french, arabic and simple full-text)."""

    permission_classes = [AllowAny]
    serializer_class = MessageSerializer
    pagination_class = MessagePagination
    queryset = Message.objects.none()  # for the schema; get_queryset() reads the caller's thread

    def get_queryset(self):
        request = self.request
        thread = _thread(request, self.kwargs["pk"])
        return selectors.history(
            thread,
            role_in(thread, request.user),
            before=_positive(request.query_params.get("before")),
            after=_positive(request.query_params.get("after")),
            q=request.query_params.get("q", "").strip()[:200] or None,
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Search words (stems in French and Arabic)."),
            OpenApiParameter("before", int, description="Only messages older than this id."),
            OpenApiParameter("after", int, description="Only messages newer than this id."),
        ],
        responses={
            200: MessageSerializer(many=True),
            404: OpenApiResponse(ErrorSerializer, "No such thread of yours."),
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request={"multipart/form-data": PostMessageSerializer, "application/json": PostMessageSerializer},
        responses={
            201: MessageSerializer,
            400: OpenApiResponse(VALIDATION_ERROR, "Why the message was refused (`detail`)."),
            404: OpenApiResponse(ErrorSerializer, "No such thread of yours."),
        },
    )
    def post(self, request, pk):
        """Post a message (the way to send an attachment; text also goes over the socket)."""
        thread = _thread(request, pk)
        data = PostMessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        sender = request.user if request.user.is_authenticated else None
        try:
            posted = services.post_message(
                thread,
                sender=sender,
                body=data.validated_data.get("body", ""),
                attachment=data.validated_data.get("attachment"),
            )
        except MessagingRefused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(message_frame(posted.message), status=status.HTTP_201_CREATED)


def _positive(value):
    return int(value) if value and value.isdigit() and len(value) < 19 else None
