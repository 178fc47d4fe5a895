"""Platform admins list and open video calls in Django admin, read only (no form changes a call's
coins); anyone else is sent to the admin's sign-in."""

import pytest

from commerce.calls import services
from commerce.calls.models import Call, Recording
from tests.factories import make_user
from tests.factories.calls import talk

pytestmark = pytest.mark.django_db

LIST = "/django-admin/calls/call/"


@pytest.fixture
def ended_call(booked, call, clock):
    """A 12-minute call (24 coins captured) with one recording."""
    booking, client_user, _expert = booked
    talk(clock, call, booking.start, 12 * 60)
    ended = services.end_call(call, Call.Ending.HUNG_UP)
    Recording.objects.create(call=ended, recorded_by=client_user, size=4096)
    return ended


def test_platform_admins_list_filter_search_and_open_a_call_read_only(
    client, english, user_in_role, booked, ended_call
):
    _booking, client_user, expert = booked
    client.force_login(user_in_role("Platform admins", is_staff=True))

    listing = client.get(LIST).content.decode()
    assert expert.full_name in listing and client_user.email in listing
    assert "Coins captured" in listing and "Metered minutes" in listing
    assert f"/django-admin/calls/call/{ended_call.pk}/change/" in listing
    assert expert.full_name in client.get(LIST, {"q": client_user.email}).content.decode()
    assert expert.full_name not in client.get(LIST, {"q": "nobody@example.com"}).content.decode()
    assert expert.full_name in client.get(LIST, {"status__exact": "ended"}).content.decode()
    assert expert.full_name not in client.get(LIST, {"status__exact": "open"}).content.decode()

    detail = client.get(f"{LIST}{ended_call.pk}/change/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "4096" in html and "24" in html and "Deleted after" in html
    assert 'name="_save"' not in html and 'name="coins"' not in html

    changed = client.post(f"{LIST}{ended_call.pk}/change/", {"coins": 0, "minutes": 0})
    assert changed.status_code == 403
    assert client.get(f"{LIST}add/").status_code == 403
    assert client.post(f"{LIST}{ended_call.pk}/delete/", {"post": "yes"}).status_code == 403
    ended_call.refresh_from_db()
    assert (ended_call.coins, ended_call.minutes) == (24, 12)


def test_someone_not_staff_cannot_open_the_calls(client, booked, ended_call, user_in_role):
    _booking, client_user, _expert = booked
    for user in (client_user, make_user("curious@example.com")):
        client.force_login(user)
        for url in (LIST, f"{LIST}{ended_call.pk}/change/"):
            response = client.get(url)
            assert response.status_code == 302 and "/django-admin/login/" in response["Location"]

    client.force_login(user_in_role("Marketing", is_staff=True))  # staff, but no right on calls
    assert client.get(LIST).status_code == 403
