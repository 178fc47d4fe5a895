"""The expert's earnings page charts, per month over the last 12, the response time and the rating
of the answers beside consultations and revenue: one grouped query per series, whatever the data."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from commerce.consultations import services
from commerce.consultations.models import PaidMessage, Rating
from commerce.payouts import selectors
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return make_user("admin@example.com", is_staff=True, is_superuser=True)


def _answered(client_user, expert, *, months_ago, waited_hours, stars=None, admin=None):
    """A question answered ``months_ago`` months back after ``waited_hours``, rated ``stars``."""
    message = services.reply(expert.user, services.send(client_user, expert, "text", "Q"), "R")
    answered_at = timezone.now() - timedelta(days=30 * months_ago)
    PaidMessage.objects.filter(pk=message.pk).update(
        created_at=answered_at - timedelta(hours=waited_hours), answered_at=answered_at
    )
    if stars:
        rating = services.rate(client_user, message, stars)
        services.moderate(rating, Rating.Status.APPROVED, by=admin)
        Rating.objects.filter(pk=rating.pk).update(created_at=answered_at)
    return message


def _chart(charts, key):
    return next(chart for chart in charts if chart.key == key)


def test_response_time_and_rating_are_averaged_per_month(client_user, expert, admin, english):
    # given: this month two answers after 2 h and 4 h rated 5 and 4; two months ago one after 10 h
    # rated 2; and one answered 14 months ago, outside the window
    _answered(client_user, expert, months_ago=0, waited_hours=2, stars=5, admin=admin)
    _answered(client_user, expert, months_ago=0, waited_hours=4, stars=4, admin=admin)
    _answered(client_user, expert, months_ago=2, waited_hours=10, stars=2, admin=admin)
    _answered(client_user, expert, months_ago=14, waited_hours=50, stars=1, admin=admin)

    # when
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        charts = selectors.monthly_charts(expert.user)

    # then: twelve months in each chart, one grouped query per series (ledger, response, rating)
    assert len(queries) == 3
    assert [chart.key for chart in charts] == ["consultations", "earned", "response_time", "rating"]
    assert all(len(chart.rows) == 12 for chart in charts)
    response, rating = _chart(charts, "response_time").rows, _chart(charts, "rating").rows
    assert response[-1].value == pytest.approx(3) and response[-1].label == "3.0 h"
    assert rating[-1].value == pytest.approx(4.5) and rating[-1].label == "4.5 / 5 (2 ratings)"
    assert rating[-1].percent == 90
    month_two = timezone.localdate() - timedelta(days=60)
    row = next(r for r in response if (r.month.year, r.month.month) == (month_two.year, month_two.month))
    assert row.value == pytest.approx(10)
    assert sum(1 for r in rating if r.value) == 2  # the answer 14 months ago is not charted
    assert _chart(charts, "consultations").rows[-1].value == 4  # all captured now in the ledger


def test_the_page_shows_the_series_in_a_table_and_costs_the_same_queries_for_more(
    client, client_user, expert, admin, english
):
    client.force_login(expert.user)
    _answered(client_user, expert, months_ago=1, waited_hours=6, stars=3, admin=admin)
    client.get("/en/expert/earnings/")
    with CaptureQueriesContext(connection) as few:
        html = client.get("/en/expert/earnings/").content.decode()
    assert "Average response time (hours)" in html and "6.0 h" in html
    assert "3.0 / 5 (1 rating)" in html and "<caption>Statistics per month</caption>" in html

    for months_ago in (0, 3, 5):
        _answered(client_user, expert, months_ago=months_ago, waited_hours=1, stars=4, admin=admin)
    with CaptureQueriesContext(connection) as many:
        client.get("/en/expert/earnings/")
    assert len(many) == len(few)


def test_the_charts_are_translated_in_arabic(client, client_user, expert, admin):
    client.force_login(expert.user)
    _answered(client_user, expert, months_ago=0, waited_hours=2, stars=5, admin=admin)
    html = client.get("/ar/expert/earnings/").content.decode()
    assert 'dir="rtl"' in html
    assert "متوسط مدة الرد (بالساعات)" in html and "متوسط التقييم" in html
