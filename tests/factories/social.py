"""Local providers speaking the real protocols, for linking experts' social accounts:

- LinkedIn: ``oidc-provider-mock``, a real OpenID Connect provider on loopback (discovery, authorize,
  token with a signed ID token, userinfo);
- Instagram: a small OAuth2 server with Business Login for Instagram's endpoints — authorize
  (redirects back with a code), the code exchange (``{"data": [{"access_token", "user_id"}]}``) and
  the Graph API's ``/me`` (``user_id``, ``username``, ``account_type``).
"""

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from oidc_provider_mock import User, run_server_in_thread

LINKEDIN_CLIENT = {"client_id": "souk-linkedin", "secret": "linkedin-secret"}
INSTAGRAM_CLIENT = {"client_id": "souk-instagram", "secret": "instagram-secret"}


@pytest.fixture
def linkedin_fake():
    """The LinkedIn fake's base URL; one member, ``linkedin-nour``, named Nour Haddad."""
    member = User(sub="linkedin-nour", claims={"name": "Nour Haddad", "email": "nour@example.com"})
    with run_server_in_thread(user_claims=[member]) as server:
        yield f"http://localhost:{server.server_port}"


class InstagramFake:
    """State of the Instagram fake: one professional account unless told otherwise."""

    def __init__(self):
        self.account = {
            "user_id": "17841400000000001",
            "username": "nour.finance",
            "account_type": "BUSINESS",
        }
        self.codes = {}
        self.tokens = {}
        self.base_url = ""

    def handler(fake):  # noqa: N805 - the fake is the handler's closure
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _error(self, message):
                return self._json(
                    400, {"error_type": "OAuthException", "code": 400, "error_message": message}
                )

            def do_GET(self):  # noqa: N802 - http.server's name
                url = urlparse(self.path)
                query = {key: values[0] for key, values in parse_qs(url.query).items()}
                if url.path == "/oauth/authorize":
                    if (
                        query.get("client_id") != INSTAGRAM_CLIENT["client_id"]
                        or query.get("response_type") != "code"
                    ):
                        return self._json(
                            400, {"error_type": "OAuthException", "error_message": "Invalid client"}
                        )
                    if "instagram_business_basic" not in query.get("scope", ""):
                        return self._json(
                            400, {"error_type": "OAuthException", "error_message": "Invalid scope"}
                        )
                    code = secrets.token_urlsafe(16)
                    fake.codes[code] = query["redirect_uri"]
                    self.send_response(302)
                    back = urlencode({"code": code, "state": query.get("state", "")})
                    self.send_header("Location", f"{query['redirect_uri']}?{back}")
                    self.end_headers()
                    return None
                if url.path == "/me":
                    if query.get("access_token") not in fake.tokens:
                        return self._json(
                            400, {"error": {"message": "Invalid OAuth access token", "code": 190}}
                        )
                    fields = query.get("fields", "user_id").split(",")
                    return self._json(
                        200,
                        {
                            "id": fake.account["user_id"],
                            **{f: fake.account[f] for f in fields if f in fake.account},
                        },
                    )
                return self._json(404, {"error": "not found"})

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                form = {key: values[0] for key, values in parse_qs(self.rfile.read(length).decode()).items()}
                if urlparse(self.path).path != "/oauth/access_token":
                    return self._json(404, {"error": "not found"})
                valid = (
                    form.get("client_id") == INSTAGRAM_CLIENT["client_id"]
                    and form.get("client_secret") == INSTAGRAM_CLIENT["secret"]
                    and form.get("grant_type") == "authorization_code"
                    and fake.codes.pop(form.get("code"), None) == form.get("redirect_uri")
                )
                if not valid:
                    return self._json(
                        400, {"error_type": "OAuthException", "code": 400, "error_message": "Invalid code"}
                    )
                token = secrets.token_urlsafe(24)
                fake.tokens[token] = fake.account["user_id"]
                return self._json(
                    200,
                    {
                        "data": [
                            {
                                "access_token": token,
                                "user_id": fake.account["user_id"],
                                "permissions": "instagram_business_basic",
                            }
                        ]
                    },
                )

        return Handler


@pytest.fixture
def instagram_fake():
    fake = InstagramFake()
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{server.server_port}"
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def social_providers(settings, linkedin_fake, instagram_fake):
    """Both providers configured against the fakes; returns the Instagram fake."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "linkedin",
                    "name": "LinkedIn",
                    **LINKEDIN_CLIENT,
                    "settings": {"server_url": linkedin_fake, "scope": ["openid", "profile", "email"]},
                }
            ]
        },
        "instagram": {"APPS": [dict(INSTAGRAM_CLIENT)]},
    }
    settings.SOCIALPROOF_INSTAGRAM_AUTHORIZE_URL = f"{instagram_fake.base_url}/oauth/authorize"
    settings.SOCIALPROOF_INSTAGRAM_TOKEN_URL = f"{instagram_fake.base_url}/oauth/access_token"
    settings.SOCIALPROOF_INSTAGRAM_PROFILE_URL = f"{instagram_fake.base_url}/me"
    return instagram_fake


def consent_at_linkedin(authorize_url, sub="linkedin-nour"):
    """The member consents on the LinkedIn fake's page; returns where it sends the browser back."""
    response = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text[:500]
    return response.headers["Location"]


def follow_to_instagram(authorize_url):
    """The browser at the Instagram fake's authorize page; returns where it is sent back."""
    response = requests.get(authorize_url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text[:500]
    return response.headers["Location"]
