"""The wallet's dashboard pages in the browser: a platform admin reads the transaction explorer,
a support agent grants goodwill coins and sees only the wallet in the menu."""

import pytest

from commerce.wallet import services
from tests.factories import make_user
from tests.factories.wallet import wallet_with


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_platform_admin_explores_transactions(live_server, signed_in, artifacts_dir):
    # given: a shopper with coins bought, some on hold
    shopper = make_user(email="layla@example.com")
    wallet_with(shopper, 40)
    services.hold(shopper, 10, reference="Question au Dr Ben Ali", key="question-1")
    admin = make_user(email="admin@example.com", role="Platform admins", is_staff=True)
    _context, page = signed_in(admin)
    # when
    page.goto(f"{live_server.url}/dashboard/wallet/transactions/?email=layla")
    # then: both transactions with their entries, and the wallet section in the menu
    assert page.locator("tbody tr").count() == 2
    assert page.locator("a[href='/dashboard/wallet/reconciliation/']").count()
    page.screenshot(path=str(artifacts_dir / "wallet-dashboard-transactions.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_support_agent_grants_coins(live_server, signed_in, artifacts_dir):
    shopper = make_user(email="layla@example.com")
    agent = make_user(email="karim@example.com", role="Support", is_staff=True)
    _context, page = signed_in(agent)
    page.goto(f"{live_server.url}/dashboard/wallet/goodwill/")
    page.fill("input[name=email]", shopper.email)
    page.fill("input[name=coins]", "15")
    page.fill("textarea[name=reason]", "Appel coupé par le réseau")
    page.locator("form.card button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".alert-success").count()
    assert page.locator("a[href='/dashboard/wallet/transactions/']").count() == 0  # the books are not theirs
    page.screenshot(path=str(artifacts_dir / "wallet-dashboard-goodwill.png"), full_page=True)
    assert services.wallet_of(shopper).coins == 15
