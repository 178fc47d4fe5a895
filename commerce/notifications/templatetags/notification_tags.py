"""``{% notification_bell %}``: the header's bell with the unread count (live over the WebSocket)."""

from django import template

from ..services import unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/bell.html", takes_context=True)
def notification_bell(context):
    user = getattr(context.get("request"), "user", None)
    signed_in = user is not None and user.is_authenticated
    return {"signed_in": signed_in, "unread": unread_count(user.pk) if signed_in else 0}
