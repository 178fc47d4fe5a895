"""A client–expert conversation's page offers no free chat form: the client sees the expert's
prices and the paid-message form's link, the expert the way to their consultations inbox; a
conversation with a shop keeps its free form."""

import pytest

from commerce.consultations import services
from commerce.experts.models import ExpertProfile

pytestmark = pytest.mark.django_db


def test_the_client_sees_the_paid_question_link_with_the_prices(client, client_user, expert):
    thread = services.send(client_user, expert, "text", "Une question").thread
    client.force_login(client_user)

    html = client.get(f"/en/messages/{thread.pk}/").content.decode()

    assert "data-chat-form" not in html and 'name="body"' not in html
    assert "data-chat-log" in html  # the conversation itself stays readable
    assert f'href="/en/experts/{expert.slug}/message/"' in html
    assert "Text answer: 10 coins" in html and "Video answer: 25 coins" in html


def test_the_expert_is_sent_to_the_inbox_to_answer(client, client_user, expert):
    thread = services.send(client_user, expert, "text", "Une question").thread
    client.force_login(expert.user)

    html = client.get(f"/en/messages/{thread.pk}/").content.decode()

    assert "data-chat-form" not in html
    assert 'href="/en/expert/messages/"' in html and "Ask a new paid question" not in html


def test_an_expert_no_longer_listed_takes_no_new_question(client, client_user, expert):
    thread = services.send(client_user, expert, "text", "Une question").thread
    ExpertProfile.objects.filter(pk=expert.pk).update(is_public=False)
    client.force_login(client_user)

    html = client.get(f"/ar/messages/{thread.pk}/").content.decode()

    assert "data-chat-form" not in html and "/message/" not in html.split("data-paid-compose")[1]
    assert "لا يقبل هذا الخبير أسئلة جديدة حاليًا." in html
