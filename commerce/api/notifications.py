"""``/api/notifications/``: the caller's notification centre (list, mark one read)."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from commerce.notifications import selectors, services
from commerce.notifications.models import Notification

from .schema import ErrorSerializer


class NotificationSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="absolute_url", help_text="Where it leads (may be empty).")
    is_read = serializers.BooleanField()
    archived = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "event", "title", "body", "url", "created_at", "read_at", "is_read", "archived"]

    def get_archived(self, notification) -> bool:
        return notification.archived_at is not None


@extend_schema(
    parameters=[
        OpenApiParameter("show", str, enum=list(selectors.FILTERS), description="`all`: not archived."),
        OpenApiParameter("event", str, description="Only this event type (e.g. `platform.announcement`)."),
    ]
)
class NotificationListView(generics.ListAPIView):
    """The caller's notifications, newest first, paginated; each in the language it was sent in."""

    permission_classes = [IsAuthenticated]
    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()  # for the schema; get_queryset() scopes to the caller

    def get_queryset(self):
        show = self.request.query_params.get("show", "all")
        if show not in selectors.FILTERS:
            show = "all"
        return selectors.notifications_for(self.request.user, show, self.request.query_params.get("event"))


class NotificationReadView(APIView):
    """Mark one of the caller's notifications read (idempotent)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses={200: NotificationSerializer, 404: OpenApiResponse(ErrorSerializer, "Not one of yours.")},
    )
    def post(self, request, pk):
        try:
            notification = services.mark_read(request.user, pk)
        except Notification.DoesNotExist:
            raise Http404 from None
        return Response(NotificationSerializer(notification).data)
