"""Who downloads which invoice: the customer, a guest with the signed link, its seller, platform admins.

Anyone else gets a 404, the same answer as for an invoice that does not exist.
"""

import pytest

from commerce.invoices import services
from commerce.users.roles import PLATFORM_ADMINS, SELLERS, SHOPPERS, sync_roles
from tests.integration.invoices.conftest import make_order


def customer_url(invoice, language="fr"):
    return f"/{language}/accounts/orders/{invoice.order.number}/invoice/{invoice.number}/"


def dashboard_url(invoice):
    return f"/dashboard/invoices/{invoice.pk}/download/"


@pytest.fixture
def shopper(user_in_role):
    return user_in_role(SHOPPERS, email="leila@example.com")


@pytest.fixture
def two_seller_order(sellers, shopper):
    order = make_order(
        [(sellers["nabeul"], "Tajine", "119.000", 1), (sellers["jebba"], "Chechia", "59.500", 1)],
        user=shopper,
    )
    nabeul_invoice, jebba_invoice = services.issue_invoices(order)
    return order, nabeul_invoice, jebba_invoice


def not_found(client, url):
    """True if the URL ends in a 404 (an unprefixed 404 first goes through LocaleMiddleware's redirect)."""
    response = client.get(url, follow=True)
    return response.status_code == 404 and all("/login/" not in hop for hop, _code in response.redirect_chain)


def assert_pdf(response, invoice):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{invoice.number}.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_the_customer_downloads_the_invoices_of_their_order(client, shopper, two_seller_order):
    _order, nabeul_invoice, jebba_invoice = two_seller_order
    client.force_login(shopper)
    assert_pdf(client.get(customer_url(nabeul_invoice)), nabeul_invoice)
    assert_pdf(client.get(customer_url(jebba_invoice, "ar")), jebba_invoice)


@pytest.mark.django_db
def test_another_customer_gets_404_and_an_anonymous_visitor_is_sent_to_sign_in(
    client, user_in_role, two_seller_order
):
    _order, invoice, _other = two_seller_order
    assert client.get(customer_url(invoice))["Location"].startswith("/fr/accounts/login/")
    client.force_login(user_in_role(SHOPPERS, email="someone-else@example.com"))
    assert client.get(customer_url(invoice)).status_code == 404
    assert client.get(customer_url(invoice).replace(invoice.number, "F-S1-2026-999999")).status_code == 404


@pytest.mark.django_db
def test_a_guest_downloads_with_the_signed_link_only(client, sellers):
    # given: a guest's order
    order = make_order([(sellers["nabeul"], "Tajine", "119.000", 1)], user=None)
    other = make_order([(sellers["nabeul"], "Plat", "23.800", 1)], user=None)
    [invoice] = services.issue_invoices(order)
    services.issue_invoices(other)
    # then
    assert_pdf(client.get(customer_url(invoice) + f"{order.verification_hash()}/"), invoice)
    assert client.get(customer_url(invoice) + f"{other.verification_hash()}/").status_code == 404
    assert client.get(customer_url(invoice) + f"{order.number}:forged/").status_code == 404


@pytest.mark.django_db
def test_a_seller_downloads_its_own_invoice_only(client, user_in_role, sellers, two_seller_order):
    # given: the seller user of Dar Nabeul
    _order, nabeul_invoice, jebba_invoice = two_seller_order
    seller_user = user_in_role(SELLERS)
    sellers["nabeul"].users.add(seller_user)
    client.force_login(seller_user)
    # then: its invoice of the shared order, not the other seller's
    assert_pdf(client.get(dashboard_url(nabeul_invoice)), nabeul_invoice)
    assert not_found(client, dashboard_url(jebba_invoice))
    assert not_found(client, "/dashboard/invoices/999999/download/")
    assert client.get(customer_url(nabeul_invoice)).status_code == 404


@pytest.mark.django_db
def test_platform_admins_download_every_invoice(client, user_in_role, two_seller_order):
    sync_roles()
    admin = user_in_role(PLATFORM_ADMINS, is_staff=True)
    client.force_login(admin)
    for invoice in two_seller_order[1:]:
        assert_pdf(client.get(dashboard_url(invoice)), invoice)


@pytest.mark.django_db
def test_shoppers_and_anonymous_visitors_get_nothing_from_the_dashboard_url(
    client, shopper, two_seller_order
):
    _order, invoice, _other = two_seller_order
    assert "/accounts/login/" in client.get(dashboard_url(invoice))["Location"]
    client.force_login(shopper)
    # a shopper is refused the whole dashboard before any invoice is looked up
    assert client.get(dashboard_url(invoice)).status_code == 403


@pytest.mark.django_db
def test_the_order_page_links_its_invoices(client, shopper, two_seller_order, home_pages):
    order, nabeul_invoice, jebba_invoice = two_seller_order
    client.force_login(shopper)
    response = client.get(f"/fr/accounts/orders/{order.number}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert customer_url(nabeul_invoice) in content
    assert customer_url(jebba_invoice) in content
    assert "Factures" in content
