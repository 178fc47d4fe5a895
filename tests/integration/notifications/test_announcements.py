"""Announcements: written in three languages, sent at their time to everyone or a role, once each."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from commerce.notifications.announcements import ANNOUNCEMENT
from commerce.notifications.models import Announcement, Notification
from commerce.notifications.tasks import send_due_announcements
from tests.factories import make_user


def announcement(**fields):
    return Announcement.objects.create(
        title_fr="Conditions mises à jour",
        body_fr="Nos conditions changent le 1er janvier.",
        title_en="Terms updated",
        body_en="Our terms change on January 1st.",
        title_ar="تحديث الشروط",
        body_ar="تتغير شروطنا في الأول من يناير.",
        **fields,
    )


@pytest.mark.django_db
def test_an_announcement_at_a_set_time_is_delivered_once_in_each_language(
    time_machine, django_capture_on_commit_callbacks
):
    # given: three people reading three languages, and an announcement for tomorrow
    for language in ("fr", "en", "ar"):
        make_user(f"{language}@example.com", language=language)
    sent = announcement(send_at=timezone.now() + timedelta(days=1))
    # when: beat sweeps before its time
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_announcements.delay().get() == []
    assert mail.outbox == []
    # when: beat sweeps after its time, twice
    time_machine.move_to(timezone.now() + timedelta(days=1, minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        first = send_due_announcements.delay().get()
    with django_capture_on_commit_callbacks(execute=True):
        second = send_due_announcements.delay().get()
    # then: sent once, each person in their language
    assert (first, second) == ([sent.pk], [])
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "fr@example.com": "Conditions mises à jour",
        "en@example.com": "Terms updated",
        "ar@example.com": "تحديث الشروط",
    }
    assert Notification.objects.filter(event=ANNOUNCEMENT).count() == 3


@pytest.mark.django_db
def test_an_announcement_to_a_role_reaches_only_its_members(django_capture_on_commit_callbacks):
    seller = make_user("seller@example.com", role="Sellers")
    make_user("shopper@example.com")
    announcement(role=Group.objects.get(name="Sellers"))
    with django_capture_on_commit_callbacks(execute=True):
        send_due_announcements.delay().get()
    assert list(Notification.objects.values_list("recipient", flat=True)) == [seller.pk]


@pytest.mark.django_db
def test_a_sweep_run_again_after_a_crash_tells_nobody_twice(django_capture_on_commit_callbacks):
    # given: a sweep that stored a person's notification then died before marking the announcement sent
    from commerce.notifications import notify

    user = make_user("early@example.com")
    sent = announcement()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, ANNOUNCEMENT, {"announcement": sent.pk}, key=f"announcement-{sent.pk}")
    # when: the next sweep sends it
    with django_capture_on_commit_callbacks(execute=True):
        send_due_announcements.delay().get()
    # then
    assert Notification.objects.filter(recipient=user).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_platform_admin_writes_one_in_django_admin_and_it_leaves_at_once(
    client, django_capture_on_commit_callbacks
):
    # given: a platform admin and a shopper reading Arabic
    admin = make_user("admin@example.com", role="Platform admins", is_staff=True)
    make_user("reader@example.com", language="ar")
    client.force_login(admin)
    # when: the admin writes an announcement for now
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/django-admin/notifications/announcement/add/",
            {
                "title_fr": "Maintenance ce soir",
                "body_fr": "Le site sera indisponible de 23 h à minuit.",
                "title_ar": "صيانة الليلة",
                "body_ar": "سيكون الموقع غير متاح من الساعة 23 إلى منتصف الليل.",
                "title_en": "",
                "body_en": "",
                "url": "",
                "role": "",
                "send_at_0": timezone.localtime().strftime("%Y-%m-%d"),
                "send_at_1": timezone.localtime().strftime("%H:%M:%S"),
            },
        )
    # then: sent at once, the Arabic reader in Arabic
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Announcement.objects.get().sent_at is not None
    to_reader = [message.subject for message in mail.outbox if message.to == ["reader@example.com"]]
    assert to_reader == ["صيانة الليلة"]
