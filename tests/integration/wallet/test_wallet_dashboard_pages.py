"""The wallet's dashboard pages: the books for platform admins only, goodwill for Support too."""

import uuid

import pytest

from commerce.wallet import services
from commerce.wallet.dashboard import books
from commerce.wallet.models import Transaction
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.usefixtures("english")

BOOKS = [
    "/dashboard/wallet/",
    "/dashboard/wallet/transactions/",
    "/dashboard/wallet/holds/",
    "/dashboard/wallet/reconciliation/",
]
GOODWILL = "/dashboard/wallet/goodwill/"


@pytest.fixture
def admin(user_in_role):
    return user_in_role("Platform admins", is_staff=True)


@pytest.mark.parametrize("path", [*BOOKS, GOODWILL])
def test_visitors_are_sent_to_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("path", [*BOOKS, GOODWILL])
def test_sellers_and_shoppers_are_refused(client, seller, shopper, path):
    for user in (seller, shopper):
        client.force_login(user)
        assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", BOOKS)
def test_support_is_refused_the_books(client, user_in_role, path):
    client.force_login(user_in_role("Support", is_staff=True))
    assert client.get(path).status_code == 403


def test_platform_admins_see_accounts_transactions_and_holds(client, admin, shopper):
    # given: a shopper who bought 30 coins and has 10 on hold
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    services.hold(shopper, 10, reference="Question au Dr Ben Ali", key="question-1")
    client.force_login(admin)
    # then: the accounts page lists the wallet and totals by kind
    accounts = client.get("/dashboard/wallet/")
    assert accounts.status_code == 200
    assert "shopper@example.com" in accounts.content.decode()
    assert {row["kind"] for row in accounts.context["totals"]} >= {"wallet", "escrow", "cash_in"}
    # and the explorer filters transactions by type and owner
    holds_only = client.get("/dashboard/wallet/transactions/", {"kind": "hold", "email": "shopper"})
    assert [txn.kind for txn in holds_only.context["page_obj"]] == ["hold"]
    assert (
        client.get("/dashboard/wallet/transactions/", {"email": "nobody"}).context["page_obj"].paginator.count
        == 0
    )
    # and holds by status
    holds = client.get("/dashboard/wallet/holds/", {"status": "pending"})
    assert [hold.reference for hold in holds.context["page_obj"]] == ["Question au Dr Ben Ali"]
    assert [(row["status"], row["count"], row["coins"]) for row in holds.context["statuses"]] == [
        ("pending", 1, 10)
    ]


def test_the_reconciliation_page_shows_the_ledger_check(client, admin, shopper):
    services.credit_coins(shopper, 30, source="cash_in", key="pack-1", memo="Pack 30")
    client.force_login(admin)
    response = client.get("/dashboard/wallet/reconciliation/")
    assert response.context["report"].ok
    assert "The books balance" in response.content.decode()


def test_the_menu_shows_the_wallet_to_platform_admins_not_to_sellers(client, admin, seller):
    client.force_login(admin)
    assert "/dashboard/wallet/transactions/" in client.get("/dashboard/").content.decode()
    client.force_login(seller)
    assert "/dashboard/wallet/" not in client.get("/dashboard/").content.decode()


@pytest.mark.parametrize("role", ["Support", "Platform admins"])
def test_support_and_admins_grant_goodwill_coins_with_a_reason(client, user_in_role, shopper, role):
    agent = user_in_role(role, is_staff=True)
    client.force_login(agent)
    data = {"token": str(uuid.uuid4()), "email": "SHOPPER@example.com", "coins": 15, "reason": "Appel coupé"}
    # when: the form is posted twice (a double click)
    first = client.post(GOODWILL, data)
    client.post(GOODWILL, data)
    # then: one grant of 15 coins, from the goodwill account, with the reason and who granted it
    assert first.status_code == 302
    grant = Transaction.objects.get(kind="goodwill")
    assert (grant.memo, grant.created_by) == ("Appel coupé", agent)
    client.force_login(shopper)
    assert client.get("/api/wallet/").json()["coins"] == 15


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reason": "   "}, "reason"),
        ({"coins": 0}, "coins"),
        ({"coins": "dix"}, "coins"),
        ({"email": "nobody@example.com"}, "email"),
    ],
)
def test_a_bad_grant_is_explained_and_grants_nothing(client, admin, shopper, change, field):
    client.force_login(admin)
    data = {
        "token": str(uuid.uuid4()),
        "email": "shopper@example.com",
        "coins": 15,
        "reason": "Appel coupé",
        **change,
    }
    response = client.post(GOODWILL, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Transaction.objects.exists()


@pytest.mark.django_db
def test_the_totals_by_kind_count_the_platform_accounts_parts(shopper, expert):
    wallet_with(shopper, 10)
    services.capture(services.hold(shopper, 2, reference="Q", key="totals"), earner=expert)

    totals = {row["kind"]: row["total"] for row in books.totals_by_kind()}

    assert (totals["cash_in"], totals["escrow"], totals["revenue"]) == (-5_000, 0, 200)
