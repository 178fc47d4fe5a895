"""A paid message holds its price; the answer captures it 80/20, a decline or the deadline voids it."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.http import Http404
from django.utils import timezone

from commerce.consultations import services
from commerce.consultations.exceptions import AlreadyResolved, NotEnoughCoins, ServiceNotOffered
from commerce.consultations.models import PaidMessage
from commerce.experts import services as expert_services
from commerce.messaging.models import Message, Participant, Thread
from commerce.notifications.models import Notification
from commerce.wallet.models import Account, Hold, Transaction
from commerce.wallet.selectors import reconcile, wallet_summary
from tests.factories import make_user
from tests.factories.experts import make_application
from tests.factories.wallet import wallet_with

COIN = settings.WALLET_COIN_MILLIMES
pytestmark = pytest.mark.django_db


def legs(transaction):
    return {(entry.account.kind, entry.account.user_id): entry.amount for entry in transaction.entries.all()}


def test_sending_holds_the_price_and_posts_in_the_conversation(
    client_user, expert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.send(client_user, expert, "text", "Comment épargner 10 % par mois ?")

    assert message.status == PaidMessage.Status.AWAITING_REPLY
    assert message.price_coins == 10
    assert message.hold.status == Hold.Status.PENDING and message.hold.coins == 10
    assert message.hold.subject == message
    assert wallet_summary(client_user) == (90, 10)
    assert message.deadline == pytest.approx(
        message.created_at + timedelta(hours=72), abs=timedelta(seconds=5)
    )
    thread = message.thread
    assert thread.kind == Thread.EXPERT
    assert set(thread.participants.values_list("user_id", "role")) == {
        (client_user.pk, Participant.CLIENT),
        (expert.user_id, Participant.EXPERT),
    }
    assert list(Message.objects.filter(thread=thread).values_list("body", flat=True)) == [
        "Comment épargner 10 % par mois ?"
    ]
    assert (
        Notification.objects.filter(recipient=expert.user, event="consultations.message_received").count()
        == 1
    )


def test_a_follow_up_is_a_new_paid_message_in_the_same_conversation(client_user, expert):
    first = services.send(client_user, expert, "text", "Première question")
    second = services.send(client_user, expert, "text", "Et une suite")

    assert second.thread_id == first.thread_id
    assert second.hold_id != first.hold_id
    assert wallet_summary(client_user) == (80, 20)


def test_the_price_is_the_one_at_sending_time(client_user, expert):
    message = services.send(client_user, expert, "text", "Question")
    expert_services.update_profile(expert, text_price=40)

    services.reply(expert.user, message, "Réponse")

    assert (
        Transaction.objects.get(hold=message.hold, kind="capture")
        .entries.get(account__kind="earnings")
        .amount
        == 10 * COIN * 80 // 100
    )


def test_not_enough_coins_holds_nothing_and_keeps_no_message(expert):
    poor = make_user("poor@example.com")
    wallet_with(poor, 9)

    with pytest.raises(NotEnoughCoins) as refused:
        services.send(poor, expert, "text", "Question")

    assert (refused.value.needed, refused.value.available) == (10, 9)
    assert "10" in str(refused.value) and "9" in str(refused.value)
    assert not PaidMessage.objects.exists()
    assert not Hold.objects.exists()
    assert not Message.objects.exists()
    assert wallet_summary(poor) == (9, 0)


def test_unapproved_private_or_own_profiles_are_not_payable(client_user, expert):
    waiting = make_application("waiting@example.com", "Sami Waiting")
    with pytest.raises(Http404):
        services.send(client_user, waiting, "text", "Question")
    expert_services.update_profile(expert, is_public=False)
    with pytest.raises(Http404):
        services.send(client_user, expert, "text", "Question")
    expert_services.update_profile(expert, is_public=True)
    wallet_with(expert.user, 50)
    with pytest.raises(Http404):
        services.send(expert.user, expert, "text", "To myself")
    assert not Hold.objects.exists()


def test_a_service_without_a_price_is_refused(client_user, expert):
    expert_services.update_profile(expert, text_price=None)

    with pytest.raises(ServiceNotOffered):
        services.send(client_user, expert, "text", "Question")
    assert not Hold.objects.exists()


def test_the_answer_captures_the_price_80_20_to_the_millime(
    client_user, expert, django_capture_on_commit_callbacks
):
    message = services.send(client_user, expert, "text", "Question")

    with django_capture_on_commit_callbacks(execute=True):
        answered = services.reply(expert.user, message, "Voici ma réponse.")

    assert answered.status == PaidMessage.Status.ANSWERED and answered.answered_at
    capture = Transaction.objects.get(hold=message.hold, kind="capture")
    assert legs(capture) == {
        ("escrow", None): -10 * COIN,
        ("earnings", expert.user_id): 8 * COIN,
        ("revenue", None): 2 * COIN,
    }
    assert wallet_summary(client_user) == (90, 0)
    assert Account.objects.get(kind="earnings", user=expert.user).balance == 4000
    assert list(Message.objects.filter(thread=message.thread).values_list("sender_role", "body")) == [
        ("client", "Question"),
        ("expert", "Voici ma réponse."),
    ]
    assert (
        Notification.objects.filter(recipient=client_user, event="consultations.message_answered").count()
        == 1
    )
    assert reconcile().ok


def test_declining_voids_the_hold(client_user, expert, django_capture_on_commit_callbacks):
    message = services.send(client_user, expert, "text", "Question")

    with django_capture_on_commit_callbacks(execute=True):
        services.decline(expert.user, message)

    message.refresh_from_db()
    assert message.status == PaidMessage.Status.DECLINED
    assert message.hold.status == Hold.Status.VOIDED
    assert wallet_summary(client_user) == (100, 0)
    assert Notification.objects.filter(recipient=client_user, event="consultations.message_declined").exists()
    with pytest.raises(AlreadyResolved):
        services.reply(expert.user, message, "Trop tard")
    assert reconcile().ok


def test_the_deadline_voids_the_hold_and_tells_both(client_user, expert, django_capture_on_commit_callbacks):
    message = services.send(client_user, expert, "text", "Question")
    still_on_time = services.send(client_user, expert, "text", "Autre")
    PaidMessage.objects.filter(pk=message.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_due() == 1
    assert services.expire_due() == 0

    message.refresh_from_db()
    assert message.status == PaidMessage.Status.EXPIRED
    assert message.hold.status == Hold.Status.VOIDED
    assert PaidMessage.objects.get(pk=still_on_time.pk).status == PaidMessage.Status.AWAITING_REPLY
    assert wallet_summary(client_user) == (90, 10)
    assert Notification.objects.filter(recipient=client_user, event="consultations.message_expired").exists()
    assert Notification.objects.filter(recipient=expert.user, event="consultations.message_lapsed").exists()
    with pytest.raises(AlreadyResolved):
        services.reply(expert.user, message, "Trop tard")
    assert reconcile().ok


def test_the_hold_outlives_the_deadline_so_the_wallet_sweep_leaves_it_to_the_message(client_user, expert):
    message = services.send(client_user, expert, "text", "Question")

    assert message.hold.expires_at > message.deadline


def test_only_its_expert_replies_or_declines(client_user, expert):
    other = make_user("other-expert@example.com")
    message = services.send(client_user, expert, "text", "Question")

    for user in (other, client_user):
        with pytest.raises(Http404):
            services.reply(user, message, "Not mine")
        with pytest.raises(Http404):
            services.decline(user, message)
    assert PaidMessage.objects.get(pk=message.pk).status == PaidMessage.Status.AWAITING_REPLY


def test_the_conversation_takes_no_free_message_and_tells_only_through_consultations(
    client_user, expert, django_capture_on_commit_callbacks
):
    from commerce.messaging import services as messaging
    from commerce.messaging.exceptions import MessageRefused

    with django_capture_on_commit_callbacks(execute=True):
        message = services.send(client_user, expert, "text", "Question")
    for sender in (client_user, expert.user):
        with pytest.raises(MessageRefused):
            messaging.post_message(message.thread, sender=sender, body="Free follow-up")

    assert Message.objects.filter(thread=message.thread).count() == 1
    assert not Notification.objects.filter(event__startswith="messaging.").exists()
