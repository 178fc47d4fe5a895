"""Help centre search and "was this helpful?" reported to Support; newsletter double opt-in."""

import re

import pytest
from django.core import mail

from cms_pages.core.models import NewsletterSubscription
from cms_pages.help.models import HelpArticleFeedback
from cms_pages.help.services import send_feedback_digest
from commerce.users.roles import MARKETING, SUPPORT
from tests.factories.pages import build_help_centre


@pytest.mark.django_db
def test_help_centre_search_finds_articles_of_its_language_only(client, home_pages):
    centre, _category, article = build_help_centre(home_pages["fr"])

    found = client.get(centre.url, {"q": "livraison"}).content.decode()
    nothing = client.get(centre.url, {"q": "remboursement"}).content.decode()

    assert article.url in found
    assert article.url not in nothing


@pytest.mark.django_db
def test_feedback_is_stored_and_support_sees_it_in_the_report(client, fr_home, user_in_role):
    # given
    _centre, _category, article = build_help_centre(fr_home)
    # when: two shoppers answer
    thanks = client.post(article.url, {"helpful": "no", "comment": "Pas de délai pour Djerba"}, follow=True)
    client.post(article.url, {"helpful": "yes"})
    # then: stored, thanked, and listed for Support (not for Marketing)
    assert thanks.status_code == 200 and "feedback=thanks" in thanks.redirect_chain[-1][0]
    assert list(HelpArticleFeedback.objects.order_by("pk").values_list("helpful", "comment")) == [
        (False, "Pas de délai pour Djerba"),
        (True, ""),
    ]
    client.force_login(user_in_role(SUPPORT, is_staff=True))
    report = client.get("/cms/reports/help-feedback/").content.decode()
    assert "Pas de délai pour Djerba" in report and article.title in report
    client.force_login(user_in_role(MARKETING, is_staff=True))
    assert client.get("/cms/reports/help-feedback/").status_code == 302


@pytest.mark.django_db
def test_daily_digest_emails_support_the_last_answers(
    fr_home, user_in_role, django_capture_on_commit_callbacks
):
    _centre, _category, article = build_help_centre(fr_home)
    agent = user_in_role(SUPPORT, is_staff=True, email="agent@souk.example")
    HelpArticleFeedback.objects.create(article=article, helpful=False, comment="Trop vague", language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_feedback_digest()
    with django_capture_on_commit_callbacks(execute=True):
        send_feedback_digest()  # the task delivered twice

    assert sent == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [agent.email]
    assert "Trop vague" in mail.outbox[0].body


@pytest.mark.django_db
def test_honeypot_feedback_is_ignored(client, fr_home):
    _centre, _category, article = build_help_centre(fr_home)
    client.post(article.url, {"helpful": "yes", "website": "spam"})
    assert HelpArticleFeedback.objects.count() == 0


@pytest.mark.django_db
def test_feedback_goes_through_its_form_an_unknown_answer_records_nothing_a_long_comment_is_cut(
    client, fr_home
):
    _centre, _category, article = build_help_centre(fr_home)
    # when: a forged answer, then a real one with a very long comment
    client.post(article.url, {"helpful": "maybe"})
    answered = client.post(article.url, {"helpful": "no", "comment": "x" * 5000})
    # then
    assert answered.status_code == 302
    assert list(HelpArticleFeedback.objects.values_list("helpful", flat=True)) == [False]
    assert len(HelpArticleFeedback.objects.get().comment) == 1000


@pytest.mark.django_db
def test_newsletter_double_opt_in_then_unsubscribe(client, home_pages, django_capture_on_commit_callbacks):
    # when: a visitor signs up
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/newsletter/subscribe/", {"email": "Amel@Example.com"})
    # then: pending until confirmed, with a confirmation email
    assert response.status_code == 200
    subscription = NewsletterSubscription.objects.get()
    assert subscription.email == "amel@example.com" and subscription.status == "pending"
    confirm_url, unsubscribe_url = re.findall(r"https?://\S+/newsletter/\w+/\S+/", mail.outbox[0].body)

    # when: a link checker opens the link, then the visitor presses the button
    path = confirm_url.split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "pending"
    client.post(f"/{path}")
    subscription.refresh_from_db()
    assert subscription.status == "confirmed" and subscription.confirmed_at

    # when: the visitor unsubscribes
    client.post("/" + unsubscribe_url.split("://", 1)[1].split("/", 1)[1])
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"


@pytest.mark.django_db
def test_newsletter_refuses_bots(client, home_pages):
    response = client.post("/fr/newsletter/subscribe/", {"email": "bot@example.com", "website": "x"})
    assert response.status_code == 429
    assert not NewsletterSubscription.objects.exists()
