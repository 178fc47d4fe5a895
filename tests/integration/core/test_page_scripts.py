"""jQuery is sent only to pages with jQuery code: Oscar's own pages and the dashboard, not our storefront."""

import re

import pytest
from django.utils import translation

JQUERY = "oscar/js/jquery/jquery.min"


def position(html, fragment):
    """Where the first <script> whose source contains ``fragment`` sits in the page (-1: none)."""
    match = re.search(rf'<script src="[^"]*{re.escape(fragment)}[^"]*"', html)
    return match.start() if match else -1


@pytest.mark.django_db
def test_catalogue_product_and_basket_pages_load_no_jquery(client, product):
    # given: the product is in the basket
    with translation.override("fr"):
        product_url = product.get_absolute_url()
    client.post(f"/fr/basket/add/{product.pk}/", {"quantity": 1})
    for url in ("/fr/catalogue/", product_url, "/fr/basket/", "/fr/checkout/"):
        # when
        html = client.get(url).content.decode()
        # then
        assert JQUERY not in html, url
        assert "$(function()" not in html, url


@pytest.mark.django_db
def test_an_oscar_page_with_jquery_code_gets_jquery_and_oscar_ui_before_its_code(client, user_in_role):
    # given: a signed-in shopper on Oscar's own wish-list page, whose on-load code uses oscar.*
    client.force_login(user_in_role())
    # when
    html = client.get("/fr/accounts/wishlists/").content.decode()
    # then
    jquery, oscar_ui = position(html, JQUERY), position(html, "oscar/js/oscar/ui")
    assert -1 < jquery < oscar_ui < html.index("$(function()") < html.index("oscar.customer.wishlists.init()")


@pytest.mark.django_db
def test_the_dashboard_still_gets_jquery_before_its_plugins(client, user_in_role):
    # given
    client.force_login(user_in_role("Platform admins", is_staff=True, is_superuser=True))
    # when
    html = client.get("/dashboard/").content.decode()
    # then
    assert -1 < position(html, JQUERY) < position(html, "select2")
    assert "oscar.dashboard.init(" in html
