"""Calendars: an imported ICS feed (weekly RRULE + EXDATE, a foreign time zone, an all-day and a
transparent event) blocks exactly the right slots; private addresses are refused; the secret feeds
and the confirmation email carry the confirmed bookings."""

import threading
from datetime import datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from commerce.bookings import ics, selectors, services
from commerce.bookings.exceptions import CalendarAddressRefused
from commerce.bookings.models import CalendarFeed, ExternalBusy
from tests.factories.bookings import TUNIS, bookable_expert

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def serve():
    """Serve bytes on a loopback address; returns ``serve(body) -> url``."""
    servers = []

    def start(body):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/calendar.ics"

    yield start
    for server in servers:
        server.shutdown()


def next_monday(weeks_ahead=1):
    today = timezone.now().astimezone(TUNIS).date()
    return today + timedelta(days=7 * weeks_ahead - today.weekday())


def feed(monday):
    """Weekly Mondays 10:00-11:00 New York time (3 weeks, the second one excepted), an all-day
    event on the first Wednesday, a transparent event on the first Thursday."""
    first = datetime.combine(monday, time(10), tzinfo=NEW_YORK)
    thursday = monday + timedelta(days=3)
    free_from = datetime.combine(thursday, time(9), tzinfo=TUNIS).astimezone(ZoneInfo("UTC"))
    free_until = datetime.combine(thursday, time(17), tzinfo=TUNIS).astimezone(ZoneInfo("UTC"))
    return f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:weekly@test
DTSTAMP:20260101T000000Z
DTSTART;TZID=America/New_York:{first:%Y%m%dT%H%M%S}
DTEND;TZID=America/New_York:{first + timedelta(hours=1):%Y%m%dT%H%M%S}
RRULE:FREQ=WEEKLY;COUNT=3
EXDATE;TZID=America/New_York:{first + timedelta(days=7):%Y%m%dT%H%M%S}
SUMMARY:Weekly
END:VEVENT
BEGIN:VEVENT
UID:allday@test
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:{monday + timedelta(days=2):%Y%m%d}
DTEND;VALUE=DATE:{monday + timedelta(days=3):%Y%m%d}
SUMMARY:Off
END:VEVENT
BEGIN:VEVENT
UID:free@test
DTSTAMP:20260101T000000Z
DTSTART:{free_from:%Y%m%dT%H%M%SZ}
DTEND:{free_until:%Y%m%dT%H%M%SZ}
TRANSP:TRANSPARENT
SUMMARY:Free
END:VEVENT
END:VCALENDAR
""".replace("\n", "\r\n").encode()


def day_starts(calendar, day):
    start = datetime.combine(day, time(0), tzinfo=TUNIS)
    return {
        s.astimezone(TUNIS).time()
        for s, _e in selectors.free_slots(calendar, start, start + timedelta(days=1), timedelta(hours=1))
    }


def test_an_imported_feed_blocks_exactly_the_right_slots(settings, serve):
    settings.BOOKINGS_ICS_ALLOW_PRIVATE = True
    _expert, calendar = bookable_expert(slot_interval_minutes=60)
    monday = next_monday()
    calendar.ics_url = serve(feed(monday))
    calendar.save()
    all_day = {time(h) for h in range(9, 17)}

    assert ics.refresh(calendar) == 3  # two Mondays and the all-day event; not the transparent one

    for week in range(3):
        day = monday + timedelta(days=7 * week)
        blocked = datetime.combine(day, time(10), tzinfo=NEW_YORK).astimezone(TUNIS).time()
        expected = all_day if week == 1 else all_day - {blocked}
        assert day_starts(calendar, day) == expected, (week, blocked)
    assert day_starts(calendar, monday + timedelta(days=2)) == set()
    assert day_starts(calendar, monday + timedelta(days=3)) == all_day


def test_private_and_loopback_addresses_are_refused_unless_allowed(settings, serve):
    _expert, calendar = bookable_expert()
    calendar.ics_url = serve(feed(next_monday()))
    calendar.save()

    with pytest.raises(CalendarAddressRefused):
        ics.check_address(calendar.ics_url)
    for url in ("http://10.0.0.1/x.ics", "http://169.254.169.254/latest", "file:///etc/passwd"):
        with pytest.raises(CalendarAddressRefused):
            ics.check_address(url)
    assert ics.refresh(calendar) == 0
    calendar.refresh_from_db()
    assert calendar.ics_error and not ExternalBusy.objects.exists()


def test_the_secret_feed_and_the_confirmation_email_carry_the_booking(
    client, client_user, instant, django_capture_on_commit_callbacks
):
    expert, _calendar = instant
    start = datetime.combine(next_monday(), time(10), tzinfo=TUNIS)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_call(client_user, expert, start, 30)
    token = CalendarFeed.objects.create(user=client_user).token
    expert_token = CalendarFeed.objects.create(user=expert.user).token

    for secret in (token, expert_token):
        response = client.get(f"/fr/calendar/{secret}.ics")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
        events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        assert [event.decoded("dtstart") for event in events] == [booking.start]
    assert client.get("/fr/calendar/wrong.ics").status_code == 404

    confirmation = [m for m in mail.outbox if m.to == [client_user.email]][-1]
    attachment = confirmation.attachments[0]
    name, content, mimetype = attachment
    content = content.decode() if isinstance(content, bytes) else content
    assert (name, mimetype.split(";")[0]) == ("booking.ics", "text/calendar") and "BEGIN:VEVENT" in content
