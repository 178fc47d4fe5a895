"""Who reaches which back-office: Marketing the Wagtail admin, Sellers the Oscar dashboard.

A signed-in user without the right gets the site's translated 403 page, never the sign-in page
(which sends a signed-in user straight back: the browser used to bounce between the two forever).
"""

import pytest
from oscar.core.loading import get_model

from commerce.users.roles import EXPERTS, MARKETING, PLATFORM_ADMINS, ROLES, SELLERS, SHOPPERS, SUPPORT
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop, order_of

Partner = get_model("partner", "Partner")


@pytest.mark.django_db
def test_every_role_group_exists_after_migrate():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {role.name for role in ROLES}


@pytest.mark.django_db
@pytest.mark.parametrize("role", [MARKETING, SUPPORT])
def test_marketing_and_support_open_the_wagtail_admin(client, user_in_role, home_pages, role):
    # given
    client.force_login(user_in_role(role, is_staff=True))
    # when
    response = client.get("/cms/")
    # then
    assert response.status_code == 200
    assert b"wagtail" in response.content.lower()


@pytest.mark.django_db
def test_marketing_can_edit_the_home_page_in_wagtail(client, user_in_role, home_pages):
    client.force_login(user_in_role(MARKETING, is_staff=True))
    response = client.get(f"/cms/pages/{home_pages['fr'].pk}/edit/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_seller_opens_the_oscar_dashboard_for_its_partner(client, user_in_role):
    # given: a seller linked to its shop
    seller = user_in_role(SELLERS)
    Partner.objects.create(name="Dar Fakhar").users.add(seller)
    client.force_login(seller)
    # when
    response = client.get("/dashboard/")
    # then
    assert response.status_code == 200
    assert client.get("/dashboard/catalogue/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [SHOPPERS, EXPERTS, SELLERS])
def test_a_signed_in_user_without_wagtail_access_is_refused_the_cms_without_a_loop(
    client, user_in_role, home_pages, role
):
    # given
    client.force_login(user_in_role(role))
    # when: the browser follows every redirect
    response = client.get("/cms/", follow=True, HTTP_ACCEPT_LANGUAGE="fr")
    # then: it ends on the French 403 page, never on the sign-in page
    assert response.status_code == 403
    assert all("/login/" not in hop for hop, _code in response.redirect_chain)
    assert "Accès refusé" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [MARKETING, SUPPORT])
def test_marketing_and_support_are_refused_the_oscar_dashboard(client, user_in_role, role):
    # given: staff of the Wagtail admin
    client.force_login(user_in_role(role, is_staff=True))
    # then: neither the platform's figures nor every seller's stock
    for url in ("/dashboard/", "/dashboard/shop/stock/", "/dashboard/orders/"):
        assert client.get(url).status_code == 403, url


@pytest.mark.django_db
def test_a_seller_opening_the_refund_page_gets_a_translated_403_in_arabic(client, home_pages):
    # given: a seller and an order of its own shop
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop, "leila@dar-nabeul.example")
    order = order_of((product_for_sale("Tajine", shop=shop)[0], 1), email="sami@example.com")
    client.force_login(seller)
    # when: refunds are for platform admins
    response = client.get(
        f"/dashboard/payments/refund/{order.number}/", follow=True, HTTP_ACCEPT_LANGUAGE="ar"
    )
    # then: one answer, the Arabic 403 page in the site's right-to-left look
    assert response.status_code == 403
    assert response.redirect_chain == []
    page = response.content.decode()
    assert 'dir="rtl"' in page
    assert "تم رفض الوصول" in page
    assert "leila@dar-nabeul.example" in page


@pytest.mark.django_db
def test_anonymous_back_office_logins_go_through_allauth(client):
    # when
    dashboard = client.get("/dashboard/login/?next=/dashboard/")
    cms = client.get("/cms/login/?next=/cms/")
    admin = client.get("/django-admin/login/?next=/django-admin/")
    # then
    for response in (dashboard, cms, admin):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_signed_in_users_opening_a_back_office_login_page_are_handed_over_not_refused(client, user_in_role):
    client.force_login(user_in_role(SHOPPERS))
    for url in ("/dashboard/login/?next=/fr/", "/cms/login/?next=/fr/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"], url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "sees_the_link"), [(MARKETING, False), (SUPPORT, False), (PLATFORM_ADMINS, True)]
)
def test_only_staff_who_may_use_the_dashboard_see_the_edit_link_on_a_product(
    client, user_in_role, product, role, sees_the_link
):
    client.force_login(user_in_role(role, is_staff=True))
    page = client.get(product.get_absolute_url())
    assert page.status_code == 200
    assert (f"/dashboard/catalogue/products/{product.pk}/" in page.content.decode()) is sees_the_link
