"""The dashboard (no language prefix) follows the seller's language, right to left in Arabic, and
carries the site's brand."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.django_db
def test_the_dashboard_follows_the_language_the_seller_used_on_the_site(client, seller):
    # given: a seller whose browser asks for English (this folder's conftest) works on the site in Arabic
    client.force_login(seller)
    client.get("/ar/accounts/profile/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    # when: they open the dashboard
    html = client.get("/dashboard/").content.decode()
    # then: Arabic, right to left, with Oscar's own translations
    assert '<html lang="ar" dir="rtl"' in html
    assert "خروج" in html  # Oscar's "Log out"


@pytest.mark.django_db
def test_the_dashboards_language_menu_switches_its_language(client, seller):
    client.force_login(seller)
    assert '<html lang="en" dir="ltr"' in client.get("/dashboard/").content.decode()
    # when: the seller picks French in the dashboard's menu
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/dashboard/shop/stock/"})
    # then: back on the same page, in French
    assert response.status_code == 302 and response["Location"] == "/dashboard/shop/stock/"
    html = client.get("/dashboard/shop/stock/").content.decode()
    assert '<html lang="fr" dir="ltr"' in html and "Déconnexion" in html


@pytest.mark.django_db
def test_the_dashboard_carries_the_sites_brand(client, seller):
    client.force_login(seller)
    html = client.get("/dashboard/").content.decode()
    assert "/static/css/tokens.css" in html and "/static/css/dashboard.css" in html
    assert 'class="brand__mark"' in html


@pytest.mark.django_db
def test_anonymous_visitors_get_no_language_cookie(client):
    client.get("/ar/catalogue/")
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
