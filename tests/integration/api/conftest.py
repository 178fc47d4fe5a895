"""API callers: a customer holding only a token."""

import pytest
from rest_framework.test import APIClient

from tests.factories import make_user


@pytest.fixture
def api_user(db):
    return make_user(email="headless@example.com", first_name="Hédi", last_name="Mansour")


@pytest.fixture
def api_token(client, api_user):
    """A token obtained once through a signed-in session, as a client application would."""
    client.force_login(api_user)
    return client.post("/api/auth/token/").json()["token"]


@pytest.fixture
def token_client(api_token):
    """An API client that holds only a token."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_token}", HTTP_ACCEPT_LANGUAGE="fr")
    return api
