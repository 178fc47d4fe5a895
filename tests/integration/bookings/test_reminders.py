"""Reminders are a table swept by beat: each is sent once, even by two sweeps at once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from commerce.bookings import services
from commerce.bookings.models import Reminder
from commerce.notifications.models import Notification
from tests.factories import make_user
from tests.factories.bookings import at, bookable_expert
from tests.factories.wallet import run_together, wallet_with


@pytest.mark.django_db(transaction=True)
def test_each_reminder_is_sent_once_when_two_sweeps_run_at_once():
    expert, _calendar = bookable_expert("remind@example.com")
    client = make_user("remind-client@example.com")
    wallet_with(client, 500)
    bookings = [services.book_call(client, expert, at(3, hour), 30) for hour in (9, 10, 11, 12)]
    due_time = at(3, 12) - timedelta(hours=23)  # every 24-hour reminder is due, no 1-hour one

    sent = run_together(2, lambda i: services.send_due_reminders(now=due_time))

    assert sum(sent) == 4, sent
    assert Reminder.objects.filter(kind="24h", sent_at__isnull=False).count() == 4
    assert Reminder.objects.filter(kind="1h", sent_at__isnull=True).count() == 4
    reminders = Notification.objects.filter(event="bookings.reminder")
    assert reminders.filter(recipient=client).count() == 4
    assert reminders.filter(recipient=expert.user).count() == 4
    assert services.send_due_reminders(now=due_time) == 0
    assert {b.pk for b in bookings} == set(Reminder.objects.values_list("booking", flat=True))


@pytest.mark.django_db
def test_a_cancelled_booking_sends_no_reminder(client_user, instant):
    expert, _calendar = instant
    booking = services.book_call(client_user, expert, at(3, 10), 30)
    services.cancel(booking, by=client_user)

    assert services.send_due_reminders(now=timezone.now() + timedelta(days=5)) == 0
