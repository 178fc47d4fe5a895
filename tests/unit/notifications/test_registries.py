"""The event and channel registries: defaults, audiences, and what a person may choose."""

from types import SimpleNamespace

import pytest

from commerce.notifications import channels, events
from commerce.notifications.events import DIGEST, EMAIL, INSTANT, OFF, WEBPUSH, Event


@pytest.fixture
def registered():
    added = []

    def register(event):
        added.append(event.code)
        return events.register(event)

    yield register
    for code in added:
        events._events.pop(code, None)


def test_a_channel_not_listed_is_off_by_default():
    event = Event(code="x", label="x", channels={EMAIL: DIGEST})
    assert event.default_mode(EMAIL) == DIGEST
    assert event.default_mode(WEBPUSH) == OFF
    assert event.default_mode("telegram") == OFF


def test_an_audience_limits_who_may_receive_it():
    staff_only = Event(code="x", label="x", audience=lambda user: user.is_staff)
    assert staff_only.allows(SimpleNamespace(is_staff=True))
    assert not staff_only.allows(SimpleNamespace(is_staff=False))
    assert not staff_only.allows(None)
    assert Event(code="y", label="y").allows(SimpleNamespace(is_staff=False))


def test_registering_again_replaces_and_unknown_codes_are_refused(registered):
    registered(Event(code="test.once", label="first"))
    registered(Event(code="test.once", label="second"))
    assert events.get("test.once").label == "second"
    with pytest.raises(events.UnknownEvent):
        events.get("test.never-registered")


def test_the_preferences_page_lists_only_configurable_events_the_person_may_receive(registered, monkeypatch):
    monkeypatch.setattr(events, "_events", {})  # only this test's events (others ask the database)
    registered(Event(code="test.open", label="open"))
    registered(Event(code="test.fixed", label="fixed", configurable=False))
    registered(Event(code="test.staff", label="staff", audience=lambda user: user.is_staff))
    assert [event.code for event in events.events_for(SimpleNamespace(is_staff=False))] == ["test.open"]


def test_a_channel_another_app_adds_is_offered_only_to_whom_it_serves():
    sent = []
    channel = channels.register_channel(
        "test-pager", sent.append, label="Pager", available=lambda user: user.is_staff
    )
    try:
        assert channels.get_channel("test-pager") is channel
        assert channel in channels.channels_for(SimpleNamespace(is_staff=True))
        assert channel not in channels.channels_for(SimpleNamespace(is_staff=False))
        channel.send("a notification")
        assert sent == ["a notification"]
    finally:
        channels._channels.pop("test-pager", None)


def test_built_in_channels_are_registered():
    assert {EMAIL, WEBPUSH} <= {channel.name for channel in channels.all_channels()}
    assert INSTANT in events.MODES
