"""Event types registered for the tests of notify() (removed afterwards), and the fake push service."""

import pytest
from django.utils.translation import gettext_lazy as _

from commerce.notifications import events
from commerce.notifications.events import DIGEST, EMAIL, INSTANT, OFF, WEBPUSH, Event
from tests.factories.webpush import push_service  # noqa: F401 - fixture: a loopback push service


@pytest.fixture
def parcel_event():
    """A noisy event people may get by email at once or in the digest."""
    event = events.register(
        Event(
            code="test.parcel",
            label=_("Order shipped"),
            title=_("Your order %(number)s has shipped"),
            body=_("Follow your parcel from your account."),
            channels={EMAIL: INSTANT, WEBPUSH: OFF},
            digestible=True,
        )
    )
    yield event
    events._events.pop(event.code, None)


@pytest.fixture
def admin_event():
    event = events.register(
        Event(
            code="test.admins-only",
            label="Admins only",
            title="For admins",
            audience=lambda user: user.is_staff,
            channels={EMAIL: DIGEST},
        )
    )
    yield event
    events._events.pop(event.code, None)
