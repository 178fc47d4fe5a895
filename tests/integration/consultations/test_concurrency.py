"""Races on paid messages, closed in the database: real PostgreSQL, one connection per thread."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from commerce.consultations import services
from commerce.consultations.exceptions import AlreadyResolved, NotEnoughCoins
from commerce.consultations.models import PaidMessage
from commerce.wallet.models import Hold, Transaction
from commerce.wallet.selectors import reconcile, wallet_summary
from tests.factories import make_user
from tests.factories.wallet import run_together, wallet_with

pytestmark = pytest.mark.django_db(transaction=True)


def wallet_check_passes():
    out = StringIO()
    call_command("wallet_check", stdout=out, stderr=StringIO())  # exits non-zero on an anomaly
    return "0 anomalies" in out.getvalue()


def test_50_messages_at_once_from_a_wallet_that_pays_for_10_send_exactly_10(expert):
    client = make_user("burst@example.com")
    wallet_with(client, 100)

    results = run_together(50, lambda i: services.send(client, expert, "text", f"Question {i}"))

    sent = [result for result in results if isinstance(result, PaidMessage)]
    refused = [result for result in results if isinstance(result, NotEnoughCoins)]
    assert (len(sent), len(refused)) == (10, 40), [
        r for r in results if not isinstance(r, PaidMessage | NotEnoughCoins)
    ]
    assert PaidMessage.objects.count() == 10
    assert Hold.objects.filter(status="pending").count() == 10
    assert PaidMessage.objects.values("thread").distinct().count() == 1
    assert wallet_summary(client) == (0, 100)
    assert reconcile().ok and wallet_check_passes()


def test_two_sweeps_at_once_expire_each_message_once(client_user, expert):
    messages = [services.send(client_user, expert, "text", f"Q{i}") for i in range(6)]
    PaidMessage.objects.update(deadline=timezone.now() - timedelta(minutes=1))

    results = run_together(2, lambda i: services.expire_due())

    assert sum(results) == 6, results
    assert PaidMessage.objects.filter(status="expired").count() == 6
    assert Transaction.objects.filter(hold__paid_message__in=messages, kind="void").count() == 6
    assert wallet_summary(client_user) == (100, 0)
    assert reconcile().ok and wallet_check_passes()


def test_answers_racing_the_expiry_end_in_exactly_one_outcome_each(client_user, expert):
    # Given 8 messages just past their deadline, not swept yet
    messages = [services.send(client_user, expert, "text", f"Q{i}") for i in range(8)]
    PaidMessage.objects.update(deadline=timezone.now() - timedelta(seconds=1))

    # When two sweeps run while the expert answers each message at the same moment
    def work(i):
        if i < 2:
            return services.expire_due()
        return services.reply(expert.user, messages[i - 2], "Réponse")

    results = run_together(10, work)

    # Then each message was answered (captured) or expired (voided), never both, never neither
    answered = [r for r in results[2:] if isinstance(r, PaidMessage)]
    lost = [r for r in results[2:] if isinstance(r, AlreadyResolved)]
    assert len(answered) + len(lost) == 8, results
    assert results[0] + results[1] == len(lost)
    for message in PaidMessage.objects.select_related("hold"):
        outcome = {"answered": "captured", "expired": "voided"}[message.status]
        assert message.hold.status == outcome
        assert (
            Transaction.objects.filter(hold=message.hold, kind__in=["capture", "void", "expire"]).count() == 1
        )
    earned = len(answered) * 10
    assert wallet_summary(client_user) == (100 - earned, 0)
    assert reconcile().ok and wallet_check_passes()
