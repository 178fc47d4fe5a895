"""Operations: ``wallet_check`` proves the books balance (and beat tells admins when they do not),
``wallet_grant`` gives goodwill coins with a reason, recorded in the audit trail."""

from io import StringIO

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection

from commerce.notifications.models import Notification
from commerce.wallet import services, tasks
from commerce.wallet.models import Account, Transaction
from commerce.wallet.selectors import wallet_summary
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db


def corrupt(account, millimes):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wallet_account SET balance = balance + %s WHERE id = %s", [millimes, account.pk]
        )


def check():
    out, err = StringIO(), StringIO()
    try:
        call_command("wallet_check", stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_wallet_check_passes_a_balanced_ledger_and_fails_a_corrupted_balance(shopper, expert):
    wallet = wallet_with(shopper, 50)
    services.capture(services.hold(shopper, 20, reference="Q", key="q1"), coins=5, earner=expert)
    services.hold(shopper, 10, reference="Call", key="c1")

    code, out, err = check()
    assert (code, err) == (0, "")
    assert "0 anomalies" in out

    # When someone adds a coin to the wallet's cached balance behind the ledger's back
    corrupt(wallet, 500)

    code, out, err = check()
    assert code == 1
    assert "1 anomalies" in out
    assert f"(n° {wallet.pk}) affiche 18000 millimes, ses écritures totalisent 17500" in err


def test_nightly_check_notifies_platform_admins_only_when_something_is_wrong(
    shopper, user_in_role, django_capture_on_commit_callbacks
):
    admin = user_in_role("Platform admins", email="admin@example.com")
    user_in_role("Support", email="agent@example.com")
    wallet = wallet_with(shopper, 10)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.check_ledger() == 0
    assert mail.outbox == []

    corrupt(wallet, -500)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.check_ledger() == 1
        assert tasks.check_ledger() == 1  # run again the same night: told once

    [message] = mail.outbox
    assert message.to == [admin.email]
    assert "(1 anomalies)" in message.subject and f"(n° {wallet.pk}) affiche 4500 millimes" in message.body
    [notice] = Notification.objects.filter(event="wallet.ledger_violation")
    assert notice.recipient == admin and notice.url == "/django-admin/wallet/account/"


def test_wallet_grant_credits_goodwill_with_its_reason_in_the_audit_trail(shopper, user_in_role):
    agent = user_in_role("Support", email="agent@example.com", is_staff=True)
    out = StringIO()

    call_command(
        "wallet_grant",
        "SHOPPER@example.com",
        "25",
        "--reason",
        "Expert was late",
        "--by",
        agent.email,
        stdout=out,
    )

    assert wallet_summary(shopper) == (25, 0)
    grant = Transaction.objects.get(kind="goodwill")
    assert (grant.memo, grant.created_by) == ("Expert was late", agent)
    assert Account.objects.with_current_balance().get(kind="goodwill").current_balance == -25 * 500
    assert "25 coins to shopper@example.com" in out.getvalue()
    event = apps.get_model("wallet", "TransactionEvent").objects.get(pgh_obj=grant)
    assert event.pgh_label == "insert"
    assert event.pgh_context.metadata == {
        "command": "wallet_grant",
        "action": "wallet.grant_goodwill",
        "reason": "Expert was late",
        "granted_by": agent.pk,
    }
    # The wallet opened for the grant and its new balance are in the same context
    wallet_events = (
        apps.get_model("wallet", "AccountEvent")
        .objects.order_by("pgh_id")
        .filter(pgh_obj__kind="wallet", pgh_context=event.pgh_context)
    )
    assert [(e.pgh_label, e.balance) for e in wallet_events] == [("insert", 0), ("update", 12_500)]
    # and so are its two entries, written by one statement: one event each
    entry_events = apps.get_model("wallet", "EntryEvent").objects.filter(transaction_id=grant.pk)
    assert sorted((e.amount, e.pgh_context_id) for e in entry_events) == [
        (-12_500, event.pgh_context_id),
        (12_500, event.pgh_context_id),
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nobody@example.com", "5", "--reason", "x"], "No user"),
        (["shopper@example.com", "0", "--reason", "x"], "nombre entier"),
        (["shopper@example.com", "5", "--reason", " "], "pourquoi"),
    ],
)
def test_wallet_grant_refuses_bad_input_and_grants_nothing(shopper, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("wallet_grant", *arguments)
    assert not Transaction.objects.exists()
