"""``POST /api/experts/<slug>/messages/`` and ``/api/messages/``: the contract, the refusals, the schema."""

from urllib.parse import urlsplit

import pytest
import yaml
from rest_framework.test import APIClient

from commerce.consultations import services
from commerce.consultations.models import PaidMessage
from commerce.experts import services as expert_services
from commerce.wallet.models import Hold
from commerce.wallet.selectors import wallet_summary
from tests.factories import make_user
from tests.factories.consultations import webm_video
from tests.factories.experts import make_application
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db


def api_as(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_sending_a_text_question_answers_201_with_the_held_coins(client_user, expert):
    response = api_as(client_user).post(
        f"/api/experts/{expert.slug}/messages/", {"kind": "text", "body": "Combien épargner ?"}, format="json"
    )

    assert response.status_code == 201, response.content
    message = PaidMessage.objects.get()
    assert response.json() == {"id": message.pk, "status": "awaiting_reply", "held_coins": 10}
    assert wallet_summary(client_user) == (90, 10)


def test_a_video_question_goes_as_multipart(client_user, expert):
    response = api_as(client_user).post(
        f"/api/experts/{expert.slug}/messages/",
        {"kind": "video", "video": webm_video(20)},
        format="multipart",
    )

    assert response.status_code == 201, response.content
    assert response.json()["held_coins"] == 25
    message = PaidMessage.objects.get()
    assert message.video_type == "video/webm" and message.video.name.endswith(".webm")


def test_not_enough_coins_is_402_with_a_message_and_nothing_held(expert):
    poor = make_user("poor@example.com")
    wallet_with(poor, 3)

    response = api_as(poor).post(
        f"/api/experts/{expert.slug}/messages/",
        {"kind": "text", "body": "Question"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 402
    assert "10" in response.json()["detail"] and "3" in response.json()["detail"]
    assert not Hold.objects.exists() and not PaidMessage.objects.exists()


def test_unapproved_or_private_experts_are_404(client_user, expert):
    waiting = make_application("waiting@example.com", "Sami")
    api = api_as(client_user)
    assert (
        api.post(f"/api/experts/{waiting.slug}/messages/", {"kind": "text", "body": "Q"}).status_code == 404
    )
    expert_services.update_profile(expert, is_public=False)
    assert api.post(f"/api/experts/{expert.slug}/messages/", {"kind": "text", "body": "Q"}).status_code == 404
    assert not Hold.objects.exists()


def test_bad_input_is_400_and_writes_nothing(client_user, expert):
    api = api_as(client_user)
    url = f"/api/experts/{expert.slug}/messages/"
    assert api.post(url, {"kind": "audio", "body": "Q"}, format="json").status_code == 400
    assert api.post(url, {"kind": "text", "body": "   "}, format="json").status_code == 400
    assert api.post(url, {"kind": "video", "body": "no file"}, format="json").status_code == 400
    assert not PaidMessage.objects.exists() and not Hold.objects.exists()


def test_anonymous_callers_are_refused(expert):
    response = APIClient().post(f"/api/experts/{expert.slug}/messages/", {"kind": "text", "body": "Q"})
    assert response.status_code == 401


def test_the_list_shows_each_side_its_messages(client_user, expert):
    message = services.send(client_user, expert, "text", "Question")
    stranger = make_user("stranger@example.com")

    as_client = api_as(client_user).get("/api/messages/").json()
    as_expert = api_as(expert.user).get("/api/messages/?role=expert").json()

    assert [(m["id"], m["role"], m["held_coins"], m["expert"]) for m in as_client["results"]] == [
        (message.pk, "client", 10, expert.slug)
    ]
    assert [(m["id"], m["role"]) for m in as_expert["results"]] == [(message.pk, "expert")]
    assert api_as(expert.user).get("/api/messages/?role=client").json()["count"] == 0
    assert api_as(stranger).get("/api/messages/").json()["count"] == 0


def test_the_expert_replies_and_the_answer_is_listed(client_user, expert):
    message = services.send(client_user, expert, "text", "Question")

    response = api_as(expert.user).post(
        f"/api/messages/{message.pk}/reply/", {"text": "Réponse"}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "answered" and response.json()["answer_text"] == "Réponse"
    again = api_as(expert.user).post(f"/api/messages/{message.pk}/reply/", {"text": "Encore"}, format="json")
    assert again.status_code == 409
    [listed] = api_as(client_user).get("/api/messages/").json()["results"]
    assert listed["answer_text"] == "Réponse"


def test_the_expert_declines(client_user, expert):
    message = services.send(client_user, expert, "text", "Question")

    response = api_as(expert.user).post(f"/api/messages/{message.pk}/decline/")

    assert response.status_code == 200 and response.json()["status"] == "declined"
    assert wallet_summary(client_user) == (100, 0)


def test_only_its_expert_replies_or_declines_others_get_404(client_user, expert):
    message = services.send(client_user, expert, "text", "Question")
    other_expert = expert_services.approve(
        make_application("other@example.com", "Other Expert"),
        by=make_user("admin2@example.com", is_staff=True, is_superuser=True),
    )
    for user in (client_user, other_expert.user, make_user("nobody@example.com")):
        api = api_as(user)
        assert api.post(f"/api/messages/{message.pk}/reply/", {"text": "x"}, format="json").status_code == 404
        assert api.post(f"/api/messages/{message.pk}/decline/").status_code == 404
    assert api_as(expert.user).post("/api/messages/999999/decline/").status_code == 404
    assert PaidMessage.objects.get().status == "awaiting_reply"


def test_the_endpoints_are_in_the_schema(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    send = schema["paths"]["/api/experts/{slug}/messages/"]["post"]
    assert {"201", "402", "404"} <= set(send["responses"])
    assert set(send["requestBody"]["content"]) >= {"application/json", "multipart/form-data"}
    assert "get" in schema["paths"]["/api/messages/"]
    for action in ("reply", "decline"):
        assert {"200", "404", "409"} <= set(
            schema["paths"][f"/api/messages/{{id}}/{action}/"]["post"]["responses"]
        )


def test_a_video_answer_is_streamed_to_the_client_only(client_user, expert, client):
    message = services.send(client_user, expert, "text", "Question")

    response = api_as(expert.user).post(
        f"/api/messages/{message.pk}/reply/", {"video": webm_video(40)}, format="multipart"
    )

    assert response.status_code == 200, response.content
    url = response.json()["answer_video_url"]
    assert url.endswith(f"/accounts/consultations/{message.pk}/video/answer/")
    path = urlsplit(url).path
    client.force_login(client_user)
    assert client.get(path).status_code == 200
    client.force_login(make_user("curious@example.com"))
    assert client.get(path).status_code == 404
