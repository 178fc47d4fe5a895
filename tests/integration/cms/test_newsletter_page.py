"""The README's newsletter address is a sign-up page in every language."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, title",
    [("fr", "Notre lettre d"), ("en", "Our newsletter"), ("ar", "نشرتنا الإخبارية")],
)
def test_the_newsletter_page_offers_the_sign_up_form(client, home_pages, language, title):
    response = client.get(f"/{language}/newsletter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="/{language}/newsletter/subscribe/"' in html
    assert 'name="email"' in html
    assert f'<html lang="{language}"' in html
    assert title in html


@pytest.mark.django_db
def test_signing_up_from_the_newsletter_page_sends_the_confirmation(
    client, home_pages, mailoutbox, django_capture_on_commit_callbacks
):
    client.get("/fr/newsletter/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/newsletter/subscribe/", {"email": "lina@example.com"})
    assert response.status_code == 200
    assert [message.to for message in mailoutbox] == [["lina@example.com"]]
