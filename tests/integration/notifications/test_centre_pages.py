"""The notification centre, its actions, the header bell and the settings page."""

import pytest

from commerce.notifications import notify
from commerce.notifications.models import Preference
from commerce.notifications.services import mode_for
from tests.factories import make_user


@pytest.fixture
def amira(db):
    return make_user("amira@example.com", language="fr")


@pytest.mark.django_db
def test_the_bell_counts_unread_notifications_in_the_header(client, amira, parcel_event):
    notify(amira, "test.parcel", {"number": "1"})
    notify(amira, "test.parcel", {"number": "2"})
    client.force_login(amira)
    page = client.get("/fr/notifications/").content.decode()
    assert "data-notification-bell" in page
    assert "data-notification-count>2<" in page


@pytest.mark.django_db
def test_the_centre_filters_and_acts_on_ones_own_notifications(client, amira, parcel_event):
    # given
    first = notify(amira, "test.parcel", {"number": "101"})
    second = notify(amira, "test.parcel", {"number": "102"})
    client.force_login(amira)
    # when: one is read, the other archived
    client.post(f"/fr/notifications/{first.pk}/read/")
    client.post(f"/fr/notifications/{second.pk}/archive/")
    # then
    inbox = client.get("/fr/notifications/").context["page_obj"].object_list
    unread = client.get("/fr/notifications/?show=unread").context["page_obj"].object_list
    archived = client.get("/fr/notifications/?show=archived").context["page_obj"].object_list
    assert [n.pk for n in inbox] == [first.pk]
    assert list(unread) == []
    assert [n.pk for n in archived] == [second.pk]
    # when: brought back and marked unread
    client.post(f"/fr/notifications/{second.pk}/unarchive/")
    client.post(f"/fr/notifications/{second.pk}/unread/")
    assert [n.pk for n in client.get("/fr/notifications/?show=unread").context["page_obj"].object_list] == [
        second.pk
    ]


@pytest.mark.django_db
def test_someone_elses_notification_is_not_found(client, amira, parcel_event):
    theirs = notify(make_user("other@example.com"), "test.parcel", {"number": "9"})
    client.force_login(amira)
    for action in ("read", "archive", "unread"):
        assert client.post(f"/fr/notifications/{theirs.pk}/{action}/").status_code == 404
    assert client.post(f"/fr/notifications/{theirs.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None and theirs.archived_at is None


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_follows_its_link(client, amira, parcel_event):
    notification = notify(amira, "test.parcel", {"number": "5", "url": "/fr/accounts/"})
    client.force_login(amira)
    response = client.post(f"/fr/notifications/{notification.pk}/")
    assert response.status_code == 302 and response["Location"] == "/fr/accounts/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_opening_never_redirects_off_site(client, amira, parcel_event):
    notification = notify(amira, "test.parcel", {"number": "5", "url": "https://evil.example/"})
    client.force_login(amira)
    assert client.post(f"/fr/notifications/{notification.pk}/")["Location"] == "/fr/notifications/"


@pytest.mark.django_db
def test_the_centre_needs_a_signed_in_person(client):
    response = client.get("/fr/notifications/")
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_settings_page_saves_a_choice_per_event_and_channel(client, amira, parcel_event, language):
    client.force_login(amira)
    page = client.get(f"/{language}/notifications/preferences/")
    assert 'name="test.parcel:email"' in page.content.decode()
    response = client.post(f"/{language}/notifications/preferences/", {"test.parcel:email": "digest"})
    assert response.status_code == 302
    assert mode_for(amira, "test.parcel", "email") == "digest"


@pytest.mark.django_db
def test_a_choice_that_is_not_offered_is_refused_and_nothing_is_written(
    client, amira, parcel_event, admin_event
):
    client.force_login(amira)
    # when: a mode that does not exist, beside a valid choice
    response = client.post(
        "/fr/notifications/preferences/",
        {"test.parcel:email": "loud", "test.parcel:webpush": "off"},
        follow=True,
    )
    # then: a clear message, nothing saved
    assert "rien n’a été modifié" in response.content.decode()
    assert not Preference.objects.exists()
    # when: the admins-only event, which is not the shopper's to set
    client.post("/fr/notifications/preferences/", {"test.admins-only:email": "off"})
    assert not Preference.objects.exists()
