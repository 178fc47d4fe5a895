"""``{% notification_bell %}``: the header's bell with the unread count (live over the WebSocket)."""

from django import template

from ..services import unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/bell.html", takes_context=True)
def notification_bell(context):
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return {"signed_in": False, "unread": 0}
    counted = context.get("num_unread_notifications")  # the context processor's, counted once
    return {"signed_in": True, "unread": int(counted) if counted is not None else unread_count(user.pk)}
