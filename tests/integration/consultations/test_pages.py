"""The pages of paid messages: the form on an expert's profile, the expert's inbox, the client's
consultations; each refuses what is not the visitor's own (404)."""

import pytest
from django.test import Client

from commerce.consultations import services
from commerce.consultations.models import PaidMessage, Rating, RatingSummary
from commerce.wallet.selectors import wallet_summary
from tests.factories import make_user
from tests.factories.consultations import webm_video
from tests.factories.experts import make_application, make_expert
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def test_the_profile_leads_to_the_form_which_shows_price_and_balance(client_user, expert):
    profile = Client().get(f"/fr/experts/{expert.slug}/")
    assert f"/fr/experts/{expert.slug}/message/" in profile.content.decode()

    page = signed_in(client_user).get(f"/en/experts/{expert.slug}/message/")

    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-price="10"' in html and 'data-price="25"' in html
    assert 'data-balance="100"' in html


def test_sending_from_the_form_holds_and_lists_the_question(client_user, expert):
    browser = signed_in(client_user)

    response = browser.post(f"/en/experts/{expert.slug}/message/", {"kind": "text", "body": "Ma question"})

    assert response.status_code == 302 and response["Location"] == "/en/accounts/consultations/"
    assert wallet_summary(client_user) == (90, 10)
    page = browser.get("/en/accounts/consultations/").content.decode()
    assert "Ma question" in page and "/en/accounts/wallet/" in page


def test_a_video_question_from_the_form(client_user, expert):
    response = signed_in(client_user).post(
        f"/en/experts/{expert.slug}/message/", {"kind": "video", "body": "", "video": webm_video(30)}
    )

    assert response.status_code == 302
    assert PaidMessage.objects.get().kind == "video"
    assert wallet_summary(client_user) == (75, 25)


def test_not_enough_coins_says_so_and_links_to_buying_coins(expert):
    poor = make_user("poor@example.com")
    wallet_with(poor, 2)

    page = signed_in(poor).post(f"/en/experts/{expert.slug}/message/", {"kind": "text", "body": "Question"})

    assert page.status_code == 402
    html = page.content.decode()
    assert "This message costs 10 coins and your wallet holds 2" in html
    assert 'href="/en/accounts/wallet/"' in html
    assert not PaidMessage.objects.exists()


def test_the_form_is_for_signed_in_clients_and_listed_experts_only(client_user, expert):
    waiting = make_application("waiting@example.com", "Sami")
    assert Client().get(f"/en/experts/{expert.slug}/message/").status_code == 302
    assert signed_in(client_user).get(f"/en/experts/{waiting.slug}/message/").status_code == 404
    assert (
        signed_in(client_user)
        .post(f"/en/experts/{waiting.slug}/message/", {"kind": "text", "body": "Q"})
        .status_code
        == 404
    )


def test_the_expert_answers_from_the_inbox_and_the_client_sees_it(client_user, expert):
    message = services.send(client_user, expert, "text", "Question urgente")
    inbox = signed_in(expert.user)

    page = inbox.get("/en/expert/messages/").content.decode()
    assert "Question urgente" in page and "left to answer" in page

    response = inbox.post(f"/en/expert/messages/{message.pk}/reply/", {"text": "Voici la réponse"})

    assert response.status_code == 302
    assert PaidMessage.objects.get().status == "answered"
    assert "Voici la réponse" in signed_in(client_user).get("/en/accounts/consultations/").content.decode()


def test_the_expert_declines_from_the_inbox(client_user, expert):
    message = services.send(client_user, expert, "text", "Question")

    signed_in(expert.user).post(f"/en/expert/messages/{message.pk}/decline/")

    assert PaidMessage.objects.get().status == "declined"
    assert wallet_summary(client_user) == (100, 0)


def test_other_people_cannot_read_answer_decline_or_fetch_a_video(client_user, expert):
    message = services.send(client_user, expert, "video", "", video=webm_video(10))
    other_client = make_user("other-client@example.com")
    other_expert = make_expert("other-expert@example.com", "Other Expert")
    own = signed_in(client_user).get(f"/en/accounts/consultations/{message.pk}/video/question/")
    assert own.status_code == 200 and own["Content-Type"] == "video/webm"
    assert (
        signed_in(expert.user).get(f"/en/accounts/consultations/{message.pk}/video/question/").status_code
        == 200
    )

    for intruder in (other_client, other_expert.user):
        browser = signed_in(intruder)
        assert browser.get(f"/en/accounts/consultations/{message.pk}/video/question/").status_code == 404
        assert browser.post(f"/en/expert/messages/{message.pk}/reply/", {"text": "x"}).status_code in (
            302,
            404,
        )
        assert browser.post(f"/en/expert/messages/{message.pk}/decline/").status_code in (302, 404)
        assert browser.post(f"/en/accounts/consultations/{message.pk}/rate/", {"stars": 5}).status_code == 404
        assert "Question" not in browser.get("/en/accounts/consultations/").content.decode()
    assert Client().get(f"/en/accounts/consultations/{message.pk}/video/question/").status_code == 302
    assert signed_in(other_client).get("/en/expert/messages/").status_code == 404
    assert PaidMessage.objects.get().status == "awaiting_reply"


def test_the_client_rates_an_answer_and_the_admin_publishes_it(
    client_user, expert, django_capture_on_commit_callbacks
):
    message = services.send(client_user, expert, "text", "Question")
    services.reply(expert.user, message, "Réponse")

    signed_in(client_user).post(
        f"/en/accounts/consultations/{message.pk}/rate/", {"stars": 4, "comment": "Clair"}
    )

    rating = Rating.objects.get()
    assert (rating.stars, rating.comment, rating.status) == (4, "Clair", "pending")
    assert "Clair" not in Client().get(f"/en/experts/{expert.slug}/").content.decode()

    admin = make_user("moderator@example.com", is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):  # the cached profile is refreshed after commit
        signed_in(admin).post(
            "/django-admin/consultations/rating/", {"action": "publish", "_selected_action": [rating.pk]}
        )

    summary = RatingSummary.objects.get(expert=expert)
    assert (summary.average, summary.count) == (4, 1)
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(expert.user).post(f"/en/expert/messages/ratings/{rating.pk}/reply/", {"text": "Merci !"})
    profile = Client().get(f"/en/experts/{expert.slug}/").content.decode()
    assert "Clair" in profile and "Merci !" in profile and "4.0 out of 5 (1 rating)" in profile
    directory = Client().get("/en/experts/").content.decode()
    assert "4.0 (1 rating)" in directory


def test_the_profile_says_how_soon_the_expert_usually_answers(
    client_user, expert, django_capture_on_commit_callbacks
):
    import time_machine
    from django.utils import timezone

    profile_url = f"/en/experts/{expert.slug}/"
    assert "Usually answers" not in Client().get(profile_url).content.decode()  # no answer yet

    # given: two questions, answered 2 h and 5 h after they were sent (3.5 h on average)
    now = timezone.now()
    for hours in (2, 5):
        with time_machine.travel(now, tick=False):
            message = services.send(client_user, expert, "text", f"Question {hours}")
        with (
            time_machine.travel(now + timezone.timedelta(hours=hours), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            services.reply(expert.user, message, text="Réponse")

    # then: rounded up to whole hours (each answer refreshed the cached profile)
    assert "Usually answers within 4 hours" in Client().get(profile_url).content.decode()
