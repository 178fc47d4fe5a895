"""notify(): stored in the recipient's language, delivered after commit on the channels they chose, once."""

import pytest
from django.core import mail

from commerce.notifications import notify
from commerce.notifications.models import Delivery, Notification
from commerce.notifications.services import RecipientNotAllowed, deliver, set_preferences
from commerce.notifications.tasks import deliver_notification, send_digests
from tests.factories import make_user


@pytest.mark.django_db
def test_nothing_leaves_before_commit_then_the_email_goes_once(
    parcel_event, django_capture_on_commit_callbacks
):
    # given
    user = make_user("amira@example.com", language="fr")
    # when: told inside a transaction
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notify(user, "test.parcel", {"number": "100042", "url": "/fr/accounts/orders/100042/"})
        # then: stored, but nothing sent yet
        assert Notification.objects.filter(recipient=user).count() == 1
        assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amira@example.com"]
    assert message.subject == notification.title
    assert "100042" in notification.title
    assert message.alternatives[0][1] == "text/html"
    assert "http://" in message.body and "/fr/accounts/orders/100042/" in message.body


@pytest.mark.django_db
def test_the_same_cause_told_twice_stores_one_notification(parcel_event, django_capture_on_commit_callbacks):
    user = make_user("amira@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(user, "test.parcel", {"number": "1"}, key="order-1")
        second = notify(user, "test.parcel", {"number": "1"}, key="order-1")
        third = notify(user, "test.parcel", {"number": "1"})  # derived key: same context, same notice
        fourth = notify(user, "test.parcel", {"number": "1"})
    assert first.pk == second.pk
    assert third.pk == fourth.pk
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_task_run_twice_sends_once(parcel_event, django_capture_on_commit_callbacks):
    # given: a notification already delivered
    user = make_user("amira@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(user, "test.parcel", {"number": "7"})
    assert len(mail.outbox) == 1
    # when: the broker delivers the task again
    deliver_notification.delay(notification.pk)
    deliver_notification.delay(notification.pk)
    # then
    assert len(mail.outbox) == 1
    assert set(Delivery.objects.values_list("channel", flat=True)) == {"websocket", "email"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "footer"),
    [
        ("fr", "Vous recevez cet e-mail en raison de vos réglages de notification."),
        ("ar", "تصلك هذه الرسالة بسبب إعدادات الإشعارات الخاصة بك."),
    ],
)
def test_the_email_speaks_the_recipients_language(
    parcel_event, language, footer, django_capture_on_commit_callbacks
):
    user = make_user(f"{language}@example.com", language=language)
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(user, "test.parcel", {"number": "55"})
    assert notification.language == language
    html = mail.outbox[0].alternatives[0][0]
    assert footer in mail.outbox[0].body
    assert f'lang="{language}"' in html
    if language == "ar":
        assert 'dir="rtl"' in html


@pytest.mark.django_db
def test_preferences_are_respected_per_channel(parcel_event, django_capture_on_commit_callbacks):
    # given: one person turned the email off, another kept the default
    quiet = make_user("quiet@example.com")
    default = make_user("default@example.com")
    set_preferences(quiet, {("test.parcel", "email"): "off"})
    # when
    with django_capture_on_commit_callbacks(execute=True):
        notify(quiet, "test.parcel", {"number": "1"})
        notify(default, "test.parcel", {"number": "1"})
    # then: both see it in-app, only the second by email
    assert Notification.objects.filter(recipient=quiet).exists()
    assert [message.to for message in mail.outbox] == [["default@example.com"]]
    assert not Delivery.objects.filter(notification__recipient=quiet, channel="email").exists()


@pytest.mark.django_db
def test_digest_gathers_noisy_events_into_one_email_swept_once(
    parcel_event, django_capture_on_commit_callbacks
):
    # given: a person who wants these in a digest, told three times
    user = make_user("digest@example.com", language="fr")
    set_preferences(user, {("test.parcel", "email"): "digest"})
    with django_capture_on_commit_callbacks(execute=True):
        for number in ("1", "2", "3"):
            notify(user, "test.parcel", {"number": number})
    assert mail.outbox == []
    # when: beat sweeps twice
    first = send_digests.delay().get()
    second = send_digests.delay().get()
    # then: one email listing the three
    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1
    assert "3 nouvelles notifications" in mail.outbox[0].subject
    for number in ("1", "2", "3"):
        assert f"order {number} has shipped" in mail.outbox[0].body


@pytest.mark.django_db
def test_an_admins_only_event_refuses_other_recipients(admin_event):
    with pytest.raises(RecipientNotAllowed):
        notify(make_user("shopper@example.com"), "test.admins-only", {})
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_a_guest_gets_the_email_only(parcel_event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify("guest@example.com", "test.parcel", {"number": "9"})
    assert notification.recipient is None
    assert [message.to for message in mail.outbox] == [["guest@example.com"]]
    assert deliver(notification.pk) == []


@pytest.mark.django_db(transaction=True)
def test_the_same_task_run_by_four_workers_at_once_sends_once(parcel_event):
    from tests.integration.invoices.test_numbering import run_together

    # given: a notification stored, its task not run yet (it runs at once outside a transaction:
    # store it inside one whose commit hook is dropped)
    user = make_user("busy@example.com")
    from django.db import transaction

    with transaction.atomic():
        notification = notify(user, "test.parcel", {"number": "88"})
        transaction.get_connection().run_on_commit = []
    assert mail.outbox == []
    # when: four workers deliver it at the same moment
    results, errors = run_together(4, lambda _i: deliver(notification.pk))
    # then
    assert errors == {}
    # and: each channel went out once, whichever workers took it (the row lock is per channel)
    sent = [channel for channels_sent in results.values() for channel in channels_sent]
    assert sorted(sent) == ["email", "websocket"]
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_cause_told_by_two_transactions_at_once_is_stored_once(parcel_event):
    from tests.integration.invoices.test_numbering import run_together

    user = make_user("twice@example.com")
    results, errors = run_together(2, lambda _i: notify(user, "test.parcel", {"number": "1"}, key="same").pk)
    assert errors == {}
    assert len(set(results.values())) == 1
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_long_key_is_still_once_per_cause(parcel_event):
    user = make_user("long@example.com")
    long_key = "x" * 400
    first = notify(user, "test.parcel", {"number": "1"}, key=long_key)
    second = notify(user, "test.parcel", {"number": "1"}, key=long_key)
    other = notify(user, "test.parcel", {"number": "1"}, key=long_key + "y")
    assert first.pk == second.pk != other.pk
