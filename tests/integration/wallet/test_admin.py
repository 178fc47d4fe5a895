"""Platform admins read the ledger and its audit trail in Django admin; nobody edits it there."""

import pytest

from commerce.wallet import services
from commerce.wallet.models import Hold, Transaction
from tests.factories.wallet import wallet_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, user_in_role):
    client.force_login(user_in_role("Platform admins", is_staff=True, is_superuser=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_ledger_is_read_only_in_django_admin(admin_client, shopper):
    wallet_with(shopper, 10)
    held = services.hold(shopper, 4, reference="Question to Dr Ben Ali", key="q1")
    record = Transaction.objects.get(kind="hold")

    for url in (
        "/django-admin/wallet/account/",
        "/django-admin/wallet/transaction/",
        "/django-admin/wallet/hold/",
    ):
        assert admin_client.get(url).status_code == 200, url
    detail = admin_client.get(f"/django-admin/wallet/transaction/{record.pk}/change/")
    assert detail.status_code == 200
    assert b"Question to Dr Ben Ali" in detail.content and b"-2000" in detail.content
    assert b'name="_save"' not in detail.content
    assert admin_client.get("/django-admin/wallet/transaction/add/").status_code == 403
    assert (
        admin_client.post(f"/django-admin/wallet/hold/{held.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert Hold.objects.filter(pk=held.pk).exists()


def test_the_audit_trail_lists_every_ledger_change(admin_client, shopper):
    wallet_with(shopper, 10)

    page = admin_client.get("/django-admin/pghistory/events/")

    assert page.status_code == 200
    assert b"wallet.TransactionEvent" in page.content or b"wallet.transactionevent" in page.content.lower()
