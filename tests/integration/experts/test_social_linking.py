"""An expert links LinkedIn (OpenID Connect) and Instagram (Business Login) to their account,
against local providers speaking the real protocols; the review queue and the public profile show
them. Nobody signs in or signs up with them; a personal Instagram account is refused; without
configured clients there is no button."""

from urllib.parse import urlparse

import pytest
from allauth.socialaccount.models import SocialAccount

from commerce.users.roles import PLATFORM_ADMINS
from tests.factories import make_user
from tests.factories.experts import make_expert
from tests.factories.social import consent_at_linkedin, follow_to_instagram

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def admin(db):
    return make_user("admin@example.com", role=PLATFORM_ADMINS, is_staff=True)


@pytest.fixture
def expert(admin):
    return make_expert("nour@example.com", "Nour Haddad", admin=admin)


def local(url):
    """The path and query of an absolute URL on the site under test."""
    parts = urlparse(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def start_linking(client, provider_url):
    response = client.post(f"{provider_url}?process=connect")
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def link_linkedin(client):
    authorize = start_linking(client, "/en/accounts/oidc/linkedin/login/")
    return client.get(local(consent_at_linkedin(authorize)))


def link_instagram(client):
    authorize = start_linking(client, "/en/accounts/instagram/login/")
    return client.get(local(follow_to_instagram(authorize)))


def test_the_expert_links_instagram_and_everyone_sees_the_badge(client, expert, admin, social_providers):
    client.force_login(expert.user)
    page = client.get("/en/expert/verification/").content.decode()
    assert 'data-link="linkedin"' in page and 'data-link="instagram"' in page

    assert link_instagram(client)["Location"].endswith("/en/expert/verification/")

    account = SocialAccount.objects.get(user=expert.user)
    assert (account.provider, account.uid) == ("instagram", "17841400000000001")
    assert account.extra_data["username"] == "nour.finance"
    page = client.get("/en/expert/verification/").content.decode()
    assert 'data-linked="instagram"' in page and 'data-link="instagram"' not in page

    client.logout()
    public = client.get(f"/en/experts/{expert.slug}/").content.decode()
    assert 'data-badge="instagram"' in public and 'data-badge="linkedin"' not in public

    client.force_login(admin)
    review = client.get(f"/dashboard/experts/{expert.pk}/").content.decode()
    assert "https://www.instagram.com/nour.finance/" in review
    assert "<td>Instagram</td>" in client.get("/dashboard/experts/?tab=approved").content.decode()


def test_the_expert_links_linkedin_through_openid_connect(client, expert, admin, social_providers):
    # allauth's OpenID Connect provider decodes the ID token with PyJWT (allauth's "socialaccount" extra)
    pytest.importorskip("jwt")
    client.force_login(expert.user)

    assert link_linkedin(client)["Location"].endswith("/en/expert/verification/")

    account = SocialAccount.objects.get(user=expert.user)
    assert (account.provider, account.uid) == ("linkedin", "linkedin-nour")
    client.logout()
    assert 'data-badge="linkedin"' in client.get(f"/en/experts/{expert.slug}/").content.decode()


def test_a_personal_instagram_account_is_refused(client, expert, social_providers):
    social_providers.account["account_type"] = "PERSONAL"
    client.force_login(expert.user)

    response = link_instagram(client)

    assert response.status_code == 302 and response["Location"].endswith("/en/expert/verification/")
    assert not SocialAccount.objects.exists()


def test_nobody_signs_in_or_up_with_a_social_account(client, expert, social_providers):
    # given: the expert linked Instagram, then signed out
    client.force_login(expert.user)
    link_instagram(client)
    client.logout()

    # when: a visitor goes through Instagram without being signed in (a sign-in attempt)
    response = link_instagram(client)

    # then: nobody is signed in and no account was made
    assert response.status_code == 302 and "_auth_user_id" not in client.session
    assert SocialAccount.objects.count() == 1


def test_a_client_cannot_link_accounts(client, social_providers):
    shopper = make_user("client@example.com")
    client.force_login(shopper)

    link_instagram(client)

    assert not SocialAccount.objects.exists()


def test_without_configured_clients_there_is_no_button_and_no_link(client, expert, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}, "instagram": {"APPS": []}}
    client.force_login(expert.user)

    page = client.get("/en/expert/verification/").content.decode()

    assert "data-link=" not in page and "Social proof" not in page
    assert client.post("/en/accounts/oidc/linkedin/login/?process=connect").status_code == 404
    assert client.post("/en/accounts/instagram/login/?process=connect").status_code == 404
