"""Automatic invitations to expert video calls: the confirmation, change and reminder emails, the
in-app notices, the attached ``.ics`` and the secret feeds carry the call page's absolute address
and say when it opens."""

import icalendar
import pytest
from django.conf import settings
from django.core import mail

from commerce.bookings import services
from commerce.bookings.models import CalendarFeed
from commerce.notifications.models import Notification
from tests.factories.bookings import at

pytestmark = pytest.mark.django_db


def _call_page(booking, language="fr"):
    return f"{settings.SITE_URL.rstrip('/')}/{language}/calls/{booking.pk}/"


def _mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_the_confirmation_email_and_its_invitation_carry_the_call_link(
    client, client_user, instant, django_capture_on_commit_callbacks
):
    expert, _calendar = instant
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_call(client_user, expert, at(3, 10), 30)

    confirmation = _mails_to(client_user)[-1]
    html = confirmation.alternatives[0][0]
    link = _call_page(booking)
    assert link in confirmation.body and link in html
    assert "10 minutes" in confirmation.body and "09:50" in confirmation.body
    notice = Notification.objects.get(recipient=client_user, event="bookings.confirmed")
    assert link in notice.body  # the in-app notice says it too
    event = icalendar.Calendar.from_ical(confirmation.attachments[0][1]).walk("VEVENT")[0]
    assert str(event["url"]) == str(event["location"]) == link

    feed = CalendarFeed.objects.create(user=expert.user)
    served = icalendar.Calendar.from_ical(client.get(f"/fr/calendar/{feed.token}.ics").content)
    assert [str(event["location"]) for event in served.walk("VEVENT")] == [link]


def test_the_change_and_reminder_emails_carry_the_call_link(
    client_user, instant, django_capture_on_commit_callbacks
):
    expert, _calendar = instant
    booking = services.book_call(client_user, expert, at(3, 10), 30)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule(booking, by=expert.user, start=at(3, 14))
    moved = _mails_to(client_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_reminders(now=at(3, 13, 5))

    link = _call_page(booking)
    assert len(moved) == 1 and link in moved[0].body and "13:50" in moved[0].body
    reminders = [m for m in mail.outbox if m not in moved]
    assert {tuple(m.to) for m in reminders} == {(client_user.email,), (expert.user.email,)}
    assert all(link in message.body for message in reminders)


def test_a_service_booking_carries_no_call_link(client_user, django_capture_on_commit_callbacks):
    from tests.factories.bookings import bookable_service

    product, _calendar = bookable_service()
    booking = services.hold_service_slot(client_user, product, at(3, 10))
    booking.status = booking.Status.PENDING
    booking.hold_expires_at = None
    booking.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule(booking, by=client_user, start=at(3, 12))

    assert not any("/calls/" in message.body for message in mail.outbox)
