"""A video written to private storage during a send or an answer that then fails (a hold lost to a
concurrent send, an error after the file was stored) is deleted: no file outlives its message."""

from pathlib import PurePath

import pytest

from commerce.consultations import services
from commerce.consultations.exceptions import NotEnoughCoins
from commerce.consultations.models import PaidMessage
from commerce.wallet.models import Hold
from tests.factories import make_user
from tests.factories.consultations import webm_video
from tests.factories.experts import make_expert
from tests.factories.wallet import run_together, wallet_with


def stored_videos(user):
    """The names of the video files stored for ``user``'s consultations."""
    storage = PaidMessage._meta.get_field("video").storage
    try:
        return sorted(storage.listdir(f"consultations/{user.pk}")[1])
    except FileNotFoundError:
        return []


def kept_videos(*messages):
    return sorted(PurePath(name).name for message in messages for name in (message.video.name,) if name)


def failing(*args, **kwargs):
    raise RuntimeError("failure after the video was stored")


@pytest.mark.django_db(transaction=True)
def test_the_send_that_loses_the_coin_race_leaves_no_video(monkeypatch):
    # given: a client who can pay one video question, and two experts at 25 coins; both sends
    # pass the early balance check (as two sends reading the wallet at the same moment do)
    client = make_user("race@example.com")
    wallet_with(client, 25)
    experts = [make_expert(f"expert{i}@example.com", f"Expert {i}", video_price=25) for i in range(2)]
    monkeypatch.setattr(services, "available_coins", lambda user: 10**6)

    # when: both send a video at once
    results = run_together(2, lambda i: services.send(client, experts[i], "video", "", video=webm_video(8)))

    # then: one holds the coins and keeps its video, the other's video is gone
    sent = [result for result in results if isinstance(result, PaidMessage)]
    assert len(sent) == 1 and sum(isinstance(result, NotEnoughCoins) for result in results) == 1, results
    assert stored_videos(client) == kept_videos(*sent) != []
    assert PaidMessage.objects.count() == 1


@pytest.mark.django_db
def test_an_error_after_the_video_is_stored_leaves_no_video(monkeypatch, client_user, expert):
    monkeypatch.setattr(services.messaging, "post_message", failing)

    with pytest.raises(RuntimeError):
        services.send(client_user, expert, "video", "", video=webm_video(8))

    assert stored_videos(client_user) == []
    assert not PaidMessage.objects.exists() and not Hold.objects.exists()


@pytest.mark.django_db
def test_an_answer_that_fails_after_its_video_is_stored_leaves_no_video(monkeypatch, client_user, expert):
    message = services.send(client_user, expert, "text", "Une question")
    monkeypatch.setattr(services.messaging, "post_message", failing)

    with pytest.raises(RuntimeError):
        services.reply(expert.user, message, video=webm_video(8))

    message.refresh_from_db()
    assert message.status == "awaiting_reply" and not message.answer_video
    assert stored_videos(client_user) == []
