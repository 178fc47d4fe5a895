"""Reports and disputes: anyone reports a product, admins uphold (product off sale) or dismiss; a
buyer opens a dispute on a line, buyer, seller and admins write in it, an admin decides (a refund
goes through the payment refunds and revokes the files); every step is kept and told."""

from decimal import Decimal

import pytest
from django.test import Client
from oscar.core.loading import get_model
from pghistory.models import Events

from commerce.digital.models import Dispute, Entitlement, ProductReport
from commerce.notifications.models import Notification
from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user
from tests.factories.sellers import make_seller

Refund = get_model("payment", "Refund")


@pytest.fixture
def admin(db):
    return make_user("admin@example.com", role=PLATFORM_ADMINS)


@pytest.fixture
def seller(ebook):
    return make_seller(ebook.stockrecords.get().partner, email="vendeur@example.com")


@pytest.mark.django_db
def test_anyone_reports_a_product_and_an_admin_upholds_it(
    client, admin, ebook, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            f"/fr/accounts/downloads/report/{ebook.pk}/",
            {"reason": "copyright", "message": "Copie de mon livre.", "email": "auteur@example.com"},
        )
    assert response.status_code == 302
    report = ProductReport.objects.get()
    assert (report.reason, report.email, report.status) == ("copyright", "auteur@example.com", "open")
    assert Notification.objects.filter(recipient=admin, event="digital.product_reported").exists()

    client.force_login(admin)
    assert "Copie de mon livre." in client.get("/dashboard/digital/moderation/").content.decode()
    client.post("/dashboard/digital/moderation/", {"report": report.pk, "action": "uphold"})

    ebook.refresh_from_db()
    report.refresh_from_db()
    assert (report.status, ebook.is_public) == ("upheld", False)


@pytest.mark.django_db
def test_a_report_without_reason_or_email_is_refused_and_writes_nothing(ebook):
    Client().post(f"/fr/accounts/downloads/report/{ebook.pk}/", {"reason": "nonsense", "message": ""})
    assert not ProductReport.objects.exists()


@pytest.mark.django_db
def test_a_dispute_is_mediated_then_refunded_and_the_files_revoked(
    client, stripe_fake, admin, seller, buyer, paid_ebook, django_capture_on_commit_callbacks
):
    line = paid_ebook.lines.get()
    # Given the buyer opens a dispute from the order page
    client.force_login(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/accounts/downloads/dispute/{line.pk}/", {"reason": "Le fichier est illisible."})
    dispute = Dispute.objects.get()
    assert Notification.objects.filter(recipient=seller, event="digital.dispute").count() == 1
    # a second one on the same line is refused
    client.post(f"/fr/accounts/downloads/dispute/{line.pk}/", {"reason": "Encore"})
    assert Dispute.objects.count() == 1
    page = client.get(f"/fr/accounts/orders/{paid_ebook.number}/").content.decode()
    assert "Le fichier est illisible." in page

    # When the seller answers in the dashboard and an admin decides a refund
    seller_client = Client()
    seller_client.force_login(seller)
    with django_capture_on_commit_callbacks(execute=True):
        seller_client.post(f"/dashboard/digital/disputes/{dispute.pk}/", {"body": "Voici un nouveau lien."})
    assert (
        seller_client.post(f"/dashboard/digital/disputes/{dispute.pk}/", {"decision": "refund"}).status_code
        == 200
    )
    assert Dispute.objects.get().status == "open"  # sellers do not decide
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/dashboard/digital/disputes/{dispute.pk}/", {"decision": "refund", "note": "Remboursé."}
        )

    # Then the line is refunded by card, its files revoked, and the history kept
    dispute.refresh_from_db()
    assert dispute.status == "refunded"
    assert Refund.objects.get().status == Refund.SUCCEEDED
    assert Entitlement.objects.get().revoked_at is not None
    assert list(dispute.entries.values_list("kind", flat=True)) == ["opened", "message", "decision"]
    # the buyer was told of the opening (a receipt), the seller's answer and the decision
    assert Notification.objects.filter(recipient=buyer, event="digital.dispute").count() == 3


@pytest.mark.django_db
def test_a_rejected_dispute_refunds_nothing_and_strangers_see_nothing(client, admin, buyer, paid_ebook):
    line = paid_ebook.lines.get()
    stranger = make_user("stranger@example.com")
    client.force_login(stranger)
    assert client.post(f"/fr/accounts/downloads/dispute/{line.pk}/", {"reason": "x"}).status_code == 404

    client.force_login(buyer)
    client.post(f"/fr/accounts/downloads/dispute/{line.pk}/", {"reason": "Pas ce que j'attendais."})
    dispute = Dispute.objects.get()
    client.force_login(stranger)
    assert client.get(f"/dashboard/digital/disputes/{dispute.pk}/").status_code in (403, 404)

    client.force_login(admin)
    for amount in ("", "0", str(line.line_price_incl_tax)):  # a partial refund is less than the line
        page = client.post(
            f"/dashboard/digital/disputes/{dispute.pk}/", {"decision": "partial", "amount": amount}
        )
        assert page.status_code == 200 and Dispute.objects.get().status == "open"
    client.post(f"/dashboard/digital/disputes/{dispute.pk}/", {"decision": "reject", "note": "Conforme."})
    assert Dispute.objects.get().status == "rejected"
    assert not Refund.objects.exists() and Entitlement.objects.get().revoked_at is None


@pytest.mark.django_db
def test_a_partial_refund_gives_back_an_amount_and_keeps_the_access(
    client, stripe_fake, admin, buyer, paid_ebook
):
    line = paid_ebook.lines.get()
    client.force_login(buyer)
    client.post(f"/fr/accounts/downloads/dispute/{line.pk}/", {"reason": "Un chapitre manque."})
    dispute = Dispute.objects.get()

    client.force_login(admin)
    client.post(
        f"/dashboard/digital/disputes/{dispute.pk}/",
        {"decision": "partial", "amount": "10.005", "note": "Geste commercial."},
    )

    assert Dispute.objects.get().status == "partly_refunded"
    refund = Refund.objects.get()
    assert [(item.quantity, item.amount) for item in refund.lines.all()] == [(0, Decimal("10.005"))]
    assert [r["amount"] for r in stripe_fake.refunds.values()] == [10000]
    assert Entitlement.objects.get().revoked_at is None
    # the decision is in the audit trail
    dispute_history = Events.objects.tracks(dispute).order_by("pgh_id")
    assert [(e.pgh_label, e.pgh_data["status"]) for e in dispute_history] == [
        ("insert", "open"),
        ("update", "partly_refunded"),
    ]
