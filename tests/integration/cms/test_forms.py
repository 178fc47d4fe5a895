"""Form pages: a submission is stored, emailed after commit and exported to CSV; bots are refused."""

import csv
import io

import pytest
from django.core import mail
from django.core.cache import cache

from cms_pages.form_pages.models import FormField, FormPage
from commerce.users.roles import MARKETING
from tests.factories.pages import add_page


@pytest.fixture
def contact_page(fr_home):
    page = add_page(
        fr_home,
        FormPage,
        title="Contact",
        slug="contact",
        to_address="support@example.com, ventes@example.com",
        subject="Nouveau message",
        thank_you_text="<p>Merci, à très vite !</p>",
    )
    FormField.objects.create(page=page, sort_order=0, label="Votre email", field_type="email", required=True)
    FormField.objects.create(page=page, sort_order=1, label="Message", field_type="multiline", required=True)
    return page


ANSWER = {"votre_email": "amel@example.com", "message": "Le tajine est-il compatible induction ?"}


@pytest.mark.django_db
def test_submission_is_stored_emailed_and_thanked(client, contact_page, django_capture_on_commit_callbacks):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page.url, ANSWER)
    # then: the thank-you text, one stored submission, one email to both recipients
    assert response.status_code == 200
    assert "Merci, à très vite !" in response.content.decode()
    submission = contact_page.get_submissions().get()
    assert submission.get_data()["message"] == ANSWER["message"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["support@example.com", "ventes@example.com"]
    assert mail.outbox[0].subject == "Nouveau message"
    assert "amel@example.com" in mail.outbox[0].body


@pytest.mark.django_db
def test_marketing_exports_submissions_as_csv(client, contact_page, user_in_role):
    # given
    client.post(contact_page.url, ANSWER)
    client.force_login(user_in_role(MARKETING, is_staff=True))
    # when
    listing = client.get(f"/cms/forms/submissions/{contact_page.pk}/")
    export = client.get(f"/cms/forms/submissions/{contact_page.pk}/?export=csv")
    # then
    assert listing.status_code == 200
    assert "amel@example.com" in listing.content.decode()
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[0][-2:] == ["Votre email", "Message"]
    assert rows[1][-2:] == [ANSWER["votre_email"], ANSWER["message"]]


@pytest.mark.django_db
def test_honeypot_filled_by_a_bot_is_refused_and_nothing_is_stored(client, contact_page):
    response = client.post(contact_page.url, {**ANSWER, "website": "http://spam.example"})

    assert response.status_code == 400
    assert contact_page.get_submissions().count() == 0
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_sixth_submission_in_ten_minutes_from_one_address_is_refused(client, contact_page, settings):
    # given: five submissions allowed per address
    settings.CMS_FORM_RATE_LIMIT = (5, 600)
    cache.clear()
    for number in range(5):
        assert client.post(contact_page.url, {**ANSWER, "message": f"n°{number}"}).status_code == 200
    # when
    response = client.post(contact_page.url, {**ANSWER, "message": "encore"}, REMOTE_ADDR="127.0.0.1")
    other_visitor = client.post(contact_page.url, ANSWER, REMOTE_ADDR="10.1.2.3")
    # then
    assert response.status_code == 429
    assert other_visitor.status_code == 200
    assert contact_page.get_submissions().count() == 6
