"""The provider's month view: per day the count and titles of its bookings, each day leading to its
week, months before and after; only the provider sees it."""

import pytest

from commerce.bookings import calendar, services
from tests.factories import make_user
from tests.factories.bookings import at

pytestmark = pytest.mark.django_db


def test_the_month_counts_each_days_bookings_and_links_to_its_week(client, client_user, instant):
    expert, provider = instant
    services.book_call(client_user, expert, at(3, 10), 30)
    services.book_call(client_user, expert, at(3, 14), 30)
    cancelled = services.book_call(client_user, expert, at(3, 16), 30)
    services.cancel(cancelled, by=client_user)
    day = at(3, 0).date()
    client.force_login(expert.user)

    page = client.get("/fr/expert/bookings/month/", {"month": day.strftime("%Y-%m")})

    html = page.content.decode()
    assert page.status_code == 200
    cell = html[html.index(f'data-day="{day.isoformat()}"') :].split("</a>", 1)[0]
    assert 'data-count="2"' in cell and "10:00" in cell and "14:00" in cell and "16:00" not in cell
    assert f"/fr/expert/bookings/?provider={provider.pk}&amp;week={day.isoformat()}" in html
    weeks = calendar.month_weeks(day.replace(day=1))
    assert html.count("data-day=") == 7 * len(weeks)
    assert all(week[0].weekday() == 0 for week in weeks) and weeks[0][0] <= day.replace(day=1)
    assert calendar.shift_month(day.replace(month=12, day=1), 1).month == 1


def test_only_the_provider_sees_its_month(client, instant):
    client.force_login(make_user("nosy@example.com"))

    assert client.get("/fr/expert/bookings/month/").status_code == 404
    assert client.get("/ar/expert/bookings/month/", {"month": "nonsense"}, follow=False).status_code == 404
