"""After sign-in, sign-up, sign-out, email confirmation and password reset the user stays in the
language they were using (or goes to ``next``), whatever the browser's language; account emails
name the site from settings."""

import re

import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.core import mail
from django.core.cache import cache

from commerce.users.models import User

PASSWORD = "correct-horse-battery"
#: The browser asks for English, so landing on the browser's language would show.
BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def empty_rate_limits():
    """allauth keeps its counters in the (Redis) cache, which outlives each test's transaction."""
    cache.clear()
    yield
    cache.clear()


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_signing_in_lands_on_the_home_page_of_the_sign_in_pages_language(client, user_in_role, language):
    # given
    user = user_in_role(email="amira@example.com", password=PASSWORD)
    # when
    response = client.post(
        f"/{language}/accounts/login/", {"login": user.email, "password": PASSWORD}, **BROWSER
    )
    # then
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


@pytest.mark.django_db
def test_signing_in_goes_to_next(client, user_in_role):
    user = user_in_role(email="amira@example.com", password=PASSWORD)
    response = client.post(
        "/ar/accounts/login/", {"login": user.email, "password": PASSWORD, "next": "/ar/basket/"}, **BROWSER
    )
    assert response["Location"] == "/ar/basket/"


@pytest.mark.django_db
def test_signing_out_stays_in_the_language_of_the_page(client, user_in_role, home_pages):
    # given
    client.force_login(user_in_role(email="amira@example.com"))
    # when
    response = client.post("/fr/accounts/logout/", follow=True, **BROWSER)
    # then: the French home page, with the French message
    assert response.redirect_chain[0][0] == "/fr/"
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()


@pytest.mark.django_db
def test_sign_up_and_email_confirmation_stay_in_the_language_of_the_sign_up_page(client, home_pages):
    # given: a sign-up from the French page
    signup = client.post(
        "/fr/accounts/signup/",
        {"email": "nadia@example.com", "password1": PASSWORD, "password2": PASSWORD},
        **BROWSER,
    )
    assert signup["Location"].startswith("/fr/")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    # when: the link of the email is confirmed
    response = client.post(path_of(link), follow=True, **BROWSER)
    # then: signed in, on the French home page
    assert path_of(link).startswith("/fr/")
    assert response.redirect_chain[-1][0] == "/fr/"
    assert client.session["_auth_user_id"] == str(User.objects.get(email="nadia@example.com").pk)
    assert '<html lang="fr"' in response.content.decode()


@pytest.mark.django_db
def test_password_reset_stays_in_arabic_and_the_email_names_the_site(client, user_in_role):
    # given
    user = user_in_role(email="amira@example.com", password=PASSWORD)
    # when: the reset is asked for from the Arabic page
    client.post("/ar/accounts/password/reset/", {"email": user.email}, **BROWSER)
    # then: the email names the site, not Django's "example.com"
    email = mail.outbox[0]
    assert email.subject.startswith(f"[{settings.SITE_NAME}]")
    assert "example.com" not in email.subject + email.body.replace(user.email, "")
    # and: its link, and the pages after it, are Arabic
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", email.body).group(0)
    assert path_of(link).startswith("/ar/")
    form = client.get(path_of(link), follow=True, **BROWSER)
    new_password = "another-horse-battery"
    done = client.post(
        form.redirect_chain[-1][0], {"password1": new_password, "password2": new_password}, **BROWSER
    )
    assert done.status_code == 302
    assert done["Location"].startswith("/ar/")


@pytest.mark.django_db
def test_the_site_takes_its_domain_and_name_from_settings():
    site = Site.objects.get_current()
    assert (site.domain, site.name) == (settings.SITE_DOMAIN, settings.SITE_NAME)
