"""allauth accounts: email sign-up with verification, rate-limited login, TOTP enrolment, sessions."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commerce.users.models import User

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def empty_rate_limits():
    """allauth keeps its counters in the (Redis) cache, which outlives each test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_sign_up_by_email_sends_a_verification_link_and_makes_a_shopper(client):
    # when
    response = client.post(
        "/fr/accounts/signup/", {"email": "nadia@example.com", "password1": PASSWORD, "password2": PASSWORD}
    )
    # then
    assert response.status_code == 302
    user = User.objects.get(email="nadia@example.com")
    assert list(user.groups.values_list("name", flat=True)) == ["Shoppers"]
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    # and: following the link verifies the address
    confirm_path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    client.post(f"/{confirm_path}")
    assert user.emailaddress_set.get().verified


@pytest.mark.django_db
def test_login_is_rate_limited_after_repeated_failures(client, user_in_role):
    # given
    user = user_in_role(email="target@example.com", password=PASSWORD)
    # when: five wrong passwords for the same account
    for _ in range(5):
        response = client.post("/fr/accounts/login/", {"login": user.email, "password": "wrong"})
        assert response.status_code == 200
    blocked = client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    # then: even the right password is refused for now, with a message
    assert "_auth_user_id" not in client.session
    assert blocked.status_code == 200
    assert "Trop de tentatives" in blocked.content.decode()


@pytest.mark.django_db
def test_login_with_the_right_password_signs_in(client, user_in_role):
    user = user_in_role(email="ok@example.com", password=PASSWORD)
    response = client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_totp_enrolment_turns_on_two_factor_login(client, user_in_role):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    # given
    user = user_in_role(email="mfa@example.com", password=PASSWORD)
    client.force_login(user)
    # allauth asks for the password again before enrolment
    reauth = client.post("/fr/accounts/reauthenticate/", {"password": PASSWORD})
    assert reauth.status_code == 302
    # when: the user opens enrolment, reads the secret and answers with a valid code
    page = client.get("/fr/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/fr/accounts/2fa/totp/activate/", {"code": code})
    # then
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    # and: a new login now stops at the second factor
    client.logout()
    cache.clear()
    login = client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert login.status_code == 302
    assert "/accounts/2fa/authenticate/" in login["Location"]
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_staff_without_mfa_are_sent_to_enrol_when_required(client, user_in_role, settings):
    # given
    settings.USERS_REQUIRE_MFA = True
    client.force_login(user_in_role("Marketing", is_staff=True))
    # when
    response = client.get("/cms/")
    # then
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Sellers", "Experts"])
def test_sellers_and_experts_without_mfa_are_sent_to_enrol_when_required(
    client, user_in_role, settings, role
):
    # given: they see buyers' names and addresses, and are paid out
    settings.USERS_REQUIRE_MFA = True
    client.force_login(user_in_role(role))
    # when
    response = client.get("/fr/accounts/orders/")
    # then
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/totp/activate/"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_seller_who_must_enrol_still_reaches_enrolment_and_reauthentication(
    client, user_in_role, settings, language
):
    # given: allauth asks for the password again when enrolment starts a few minutes after sign-in
    settings.USERS_REQUIRE_MFA = True
    client.force_login(user_in_role("Sellers"))
    # when: enrolment opens (the test's sign-in is not recent: allauth asks for the password)
    response = client.get(f"/{language}/accounts/2fa/totp/activate/", follow=True)
    # then: the password page shows, instead of a redirect back to enrolment and round again
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(f"/{language}/accounts/reauthenticate/")


@pytest.mark.django_db
def test_shoppers_are_not_required_to_enrol(client, user_in_role, settings):
    settings.USERS_REQUIRE_MFA = True
    client.force_login(user_in_role("Shoppers"))
    assert client.get("/fr/accounts/orders/").status_code == 200
    # and: their roles are read once per session, not on every request
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/accounts/orders/")
    assert not [query for query in queries if "auth_group" in query["sql"]]


@pytest.mark.django_db
def test_session_list_offers_to_sign_out_other_sessions(client, user_in_role):
    from django.test import Client

    # given: the same user signed in on two browsers
    user = user_in_role(email="two@example.com", password=PASSWORD)
    other = Client()
    for browser in (client, other):
        assert (
            browser.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD}).status_code
            == 302
        )
    # when
    listing = client.get("/fr/accounts/sessions/")
    assert listing.status_code == 200
    client.post("/fr/accounts/sessions/", {})
    # then: the other browser is signed out, this one is not
    assert other.get("/fr/accounts/sessions/").status_code == 302
    assert client.get("/fr/accounts/sessions/").status_code == 200
