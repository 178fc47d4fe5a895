"""Who reaches what: every payouts URL swept for every role. An expert reaches only their own
earnings and statements (no URL takes their id); the queue, decisions, the bank batch (full
account numbers) and any expert's statement reach platform admins only."""

import pytest
from django.utils import timezone

from commerce.payouts import services
from commerce.payouts.models import BankExport, PayoutRequest, Statement
from commerce.users.roles import SELLERS, SUPPORT
from tests.factories import make_user
from tests.factories.experts import VALID_RIB, make_expert

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def people(admin, expert, client_user, consult):
    other = make_expert("amel@example.com", "Amel Ben Salem", admin=admin)
    consult(expert, 300, "Plan d'épargne")
    request = services.request_payout(expert, 50_000)
    services.approve(request, by=admin)
    return {
        "anonymous": None,
        "client": client_user,
        "expert": expert,
        "other expert": other.user,
        "seller": make_user("seller@example.com", role=SELLERS),
        "support": make_user("support@example.com", role=SUPPORT, is_staff=True),
        "admin": admin,
        "request": request,
    }


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="ignore")
    return response.content.decode(errors="ignore")


def this_month():
    today = timezone.localdate()
    return f"{today.year}-{today.month}"


def admin_urls(people):
    return [
        ("get", "/dashboard/payouts/"),
        ("get", "/dashboard/payouts/?tab=approved"),
        ("get", "/dashboard/payouts/export.csv"),
        ("get", f"/dashboard/payouts/statements/{people['expert'].pk}/{this_month()}/"),
        ("post", f"/dashboard/payouts/{people['request'].pk}/"),
    ]


@pytest.mark.parametrize("role", ["anonymous", "client", "expert", "other expert", "seller", "support"])
def test_the_queue_the_bank_batch_and_statements_refuse_everyone_but_platform_admins(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    for method, url in admin_urls(people):
        response = getattr(client, method)(url, {"decision": "paid"} if method == "post" else None)
        assert response.status_code in (302, 403, 404), (role, url, response.status_code)
        if response.status_code == 302:
            assert "/login" in response["Location"] or "/accounts/" in response["Location"], (role, url)
        assert VALID_RIB not in body(response)
    assert not BankExport.objects.exists() and not Statement.objects.exists()
    assert PayoutRequest.objects.get().status == PayoutRequest.Status.APPROVED


@pytest.mark.parametrize("role", ["anonymous", "client", "seller", "support", "other expert"])
def test_an_experts_earnings_never_show_to_anyone_else(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    for url in ("/en/expert/earnings/", f"/en/expert/earnings/statements/{this_month()}/"):
        text = body(client.get(url))
        assert "Plan d&#x27;épargne" not in text and "Plan d'épargne" not in text, (role, url)
    response = client.post("/en/expert/earnings/payout/", {"amount": "50.000"})
    assert response.status_code in (302, 200)
    assert PayoutRequest.objects.count() == 1
    # the other expert asking for "their" statement gets their own month, never this expert's
    assert not Statement.objects.filter(expert=people["expert"]).exists()


def test_the_expert_downloads_their_own_statement(client, people):
    client.force_login(people["expert"])
    response = client.get(f"/en/expert/earnings/statements/{this_month()}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert client.get("/en/expert/earnings/statements/2026-13/").status_code == 404
    assert client.get("/en/expert/earnings/statements/2999-1/").status_code == 404


def test_the_admin_pays_from_the_dashboard_and_exports_the_batch(client, people):
    client.force_login(people["admin"])
    assert "Amel" not in client.get("/dashboard/payouts/?tab=approved").content.decode()
    assert "Nour Haddad" in client.get("/dashboard/payouts/?tab=approved").content.decode()

    csv = client.get("/dashboard/payouts/export.csv")
    assert csv.status_code == 200 and VALID_RIB in csv.content.decode()
    assert BankExport.objects.get().exported_by == people["admin"]
    assert "Last exports:" in client.get("/dashboard/payouts/?tab=approved").content.decode()

    client.post(f"/dashboard/payouts/{people['request'].pk}/", {"decision": "paid"})
    assert PayoutRequest.objects.get().status == PayoutRequest.Status.PAID
    pdf = client.get(f"/dashboard/payouts/statements/{people['expert'].pk}/{this_month()}/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_the_expert_asks_from_the_page_and_sees_why_when_refused(client, people):
    client.force_login(people["expert"])
    PayoutRequest.objects.update(status=PayoutRequest.Status.REJECTED, reason="x")

    refused = client.post("/en/expert/earnings/payout/", {"amount": "10.000"})
    assert refused.status_code == 200 and "The minimum payout is 50.000 TND." in refused.content.decode()
    assert not PayoutRequest.objects.filter(status="requested").exists()

    asked = client.post("/en/expert/earnings/payout/", {"amount": "60.000"})
    assert asked.status_code == 302
    assert PayoutRequest.objects.get(status="requested").millimes == 60_000


def test_the_dashboard_menu_leads_platform_admins_to_the_payouts(client, people):
    client.force_login(people["admin"])
    assert "/dashboard/payouts/" in client.get("/dashboard/").content.decode()
    client.force_login(people["seller"])
    seller_page = client.get("/dashboard/")
    assert seller_page.status_code == 200 and "/dashboard/payouts/" not in seller_page.content.decode()
