"""The availability editor's live preview: the coming week's slots computed from the unsaved form
(hours and settings), nothing saved; values that do not validate are previewed as saved."""

import pytest

from commerce.bookings.models import Provider, WeeklyRule
from tests.factories import make_user
from tests.factories.bookings import at

pytestmark = pytest.mark.django_db
URL = "/fr/expert/availability/preview/"


def _days(response):
    """The fragment's days, each as the list of its slot times."""
    html = response.content.decode()
    return [
        [part.split("<", 1)[0] for part in day.split('class="bookings-status">')[1:]]
        for day in html.split('<li class="bookings-day">')[1:]
    ]


def _settings(provider, **changes):
    fields = {
        "time_zone": provider.time_zone,
        "slot_interval_minutes": provider.slot_interval_minutes,
        "buffer_before_minutes": 0,
        "buffer_after_minutes": 0,
        "minimum_notice_minutes": 0,
        "horizon_days": 60,
        "max_per_day": "",
        "free_cancellation_hours": 24,
        "late_cancellation_percent": 50,
        "ics_url": "",
    }
    return {**fields, **changes}


def test_the_preview_follows_unsaved_hours_and_settings_and_saves_nothing(client, instant):
    expert, provider = instant  # open 09:00-17:00, a slot every 30 minutes, calls of 10 minutes
    client.force_login(expert.user)
    hours = {f"day_{day}": "10:00-11:00" for day in range(7)}

    hours_only = client.post(URL, hours)
    with_settings = client.post(URL, {**hours, **_settings(provider, slot_interval_minutes=60)})
    bad_hours = client.post(URL, {"day_0": "25:00-26:00", **_settings(provider)})

    assert hours_only.status_code == with_settings.status_code == 200
    assert len(_days(hours_only)) == 7
    assert _days(hours_only)[3] == ["10:00", "10:30"]
    assert 'data-preview-state="invalid"' in hours_only.content.decode()  # settings were not sent
    assert _days(with_settings)[3] == ["10:00"]
    assert 'data-preview-state="unsaved"' in with_settings.content.decode()
    assert len(_days(bad_hours)[3]) == 16 and 'data-preview-state="invalid"' in bad_hours.content.decode()
    assert set(WeeklyRule.objects.filter(provider=provider).values_list("start", "end")) == {
        (at(0, 9).time(), at(0, 17).time())
    }
    assert Provider.objects.get(pk=provider.pk).slot_interval_minutes == 30


def test_the_editor_wires_the_live_preview_and_strangers_get_nothing(client, instant):
    expert, _provider = instant
    client.force_login(expert.user)
    editor = client.get("/fr/expert/availability/").content.decode()
    client.force_login(make_user("nosy@example.com"))

    assert 'aria-live="polite"' in editor and "data-preview-url" in editor
    assert editor.count("data-preview-source") == 2
    assert client.post(URL, {"day_0": "10:00-11:00"}).status_code == 404
    assert client.get(URL).status_code in (404, 405)
