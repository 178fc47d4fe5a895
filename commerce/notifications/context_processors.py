"""``num_unread_notifications`` (Oscar's name) from the notification centre, counted only when a
template reads it (the header bell), instead of Oscar's count of its own table on every render."""

from django.utils.functional import cached_property

from .services import unread_count


class UnreadCount:
    """A person's unread count, queried on first use and then kept for the rest of the render."""

    def __init__(self, user_id):
        self.user_id = user_id

    @cached_property
    def value(self):
        return unread_count(self.user_id)

    def __int__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)

    def __str__(self):
        return str(self.value)


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"num_unread_notifications": UnreadCount(user.pk)}
