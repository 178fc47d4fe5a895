"""Web push: signed with the VAPID key, encrypted for the browser, delivered by a (fake) push service."""

import json

import pytest

from commerce.notifications import notify
from commerce.notifications.models import PushSubscription
from commerce.notifications.services import set_preferences
from commerce.notifications.webpush import public_key
from tests.factories import make_user


def subscribe(client, user, subscription):
    client.force_login(user)
    return client.post(
        "/fr/notifications/push/subscribe/", data=json.dumps(subscription), content_type="application/json"
    )


@pytest.mark.django_db
def test_a_subscribed_browser_receives_the_notification_signed_and_encrypted(
    client, parcel_event, push_service, django_capture_on_commit_callbacks
):
    # given: a person who subscribed one browser and wants pushes for this event
    user = make_user("push@example.com", language="ar")
    assert subscribe(client, user, push_service.subscribe("phone")).status_code == 201
    set_preferences(user, {("test.parcel", "webpush"): "instant", ("test.parcel", "email"): "off"})
    # when
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(user, "test.parcel", {"number": "77", "url": "/ar/accounts/"})
    # then: the push service accepted one push, signed by the project's key, readable by the browser
    assert push_service.refused == []
    [push] = push_service.received
    assert push["key"] == public_key()
    assert push["claims"]["sub"].startswith("mailto:")
    assert push["data"]["title"] == notification.title
    assert push["data"]["url"].endswith("/ar/accounts/")


@pytest.mark.django_db
def test_no_push_without_the_persons_consent_for_that_event(
    client, parcel_event, push_service, django_capture_on_commit_callbacks
):
    # given: subscribed, but this event's push is off by default
    user = make_user("push@example.com")
    subscribe(client, user, push_service.subscribe("laptop"))
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, "test.parcel", {"number": "1"})
    assert push_service.received == []


@pytest.mark.django_db
def test_a_subscription_the_push_service_forgot_is_removed(
    client, parcel_event, push_service, django_capture_on_commit_callbacks
):
    user = make_user("push@example.com")
    subscription = push_service.subscribe("old-phone")
    subscribe(client, user, subscription)
    set_preferences(user, {("test.parcel", "webpush"): "instant"})
    push_service.gone.add(subscription["endpoint"])
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, "test.parcel", {"number": "2"})
    assert not PushSubscription.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_an_invalid_subscription_is_refused(client, push_service):
    user = make_user("push@example.com")
    response = subscribe(client, user, {"endpoint": "ftp://evil", "keys": {"p256dh": "x", "auth": "y"}})
    assert response.status_code == 400
    assert not PushSubscription.objects.exists()
