"""Who reaches which back-office: Marketing the Wagtail admin, Sellers the Oscar dashboard."""

import pytest
from oscar.core.loading import get_model

from commerce.users.roles import MARKETING, ROLES, SELLERS, SHOPPERS, SUPPORT

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
def test_shopper_reaches_neither_back_office(client, user_in_role, home_pages):
    # given
    client.force_login(user_in_role(SHOPPERS))
    # when
    cms = client.get("/cms/")
    dashboard = client.get("/dashboard/")
    # then: Wagtail sends the shopper to sign in as someone else, Oscar refuses outright
    assert cms.status_code == 302
    assert "/login/" in cms["Location"]
    assert dashboard.status_code == 403


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
