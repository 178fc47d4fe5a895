"""A loopback fake push service (what FCM or Mozilla's autopush are to a browser), and a browser.

``push_service`` starts an HTTP server on a free loopback port that accepts a push only when its
VAPID JWT verifies against the key it carries and names this service as audience, decrypts the
``aes128gcm`` payload with the fake browser's keys (as the browser would) and records it.
``FakePushService.subscribe`` gives a browser's subscription as ``PushSubscription.toJSON()``
does, its private half kept to decrypt. The project's VAPID key comes from ``generate_vapid_key``.
"""

import base64
import io
import json
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.core.management import call_command


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class FakeBrowser:
    """One browser's push subscription: ECDH key pair and auth secret."""

    private_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def keys(self):
        point = self.private_key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        return {"p256dh": b64url(point), "auth": b64url(self.auth)}


@dataclass
class FakePushService:
    url: str = ""
    received: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    browsers: dict = field(default_factory=dict)
    #: Endpoints answered 410 Gone (a browser that unsubscribed).
    gone: set = field(default_factory=set)

    def subscribe(self, name):
        """A new browser subscribed to this service: its endpoint and keys."""
        browser = FakeBrowser()
        endpoint = f"{self.url}/push/{name}"
        self.browsers[endpoint] = browser
        return {"endpoint": endpoint, "keys": browser.keys()}


def _verify_vapid(header, audience):
    """``vapid t=<jwt>, k=<key>``: the JWT signed (ES256) by ``k``, for ``audience``, not expired."""
    parts = dict(part.strip().split("=", 1) for part in header.removeprefix("vapid ").split(","))
    token, key = parts["t"], parts["k"]
    signing_input, signature = token.rsplit(".", 1)
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
    public.verify(der, signing_input.encode(), ec.ECDSA(hashes.SHA256()))
    claims = json.loads(unb64url(signing_input.split(".")[1]))
    if claims["aud"] != audience or not claims.get("sub"):
        raise InvalidSignature("wrong audience or no subject")
    return claims, key


def start_push_service():
    service = FakePushService()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's naming
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            endpoint = service.url + self.path
            try:
                claims, key = _verify_vapid(self.headers.get("Authorization", ""), service.url)
            except (InvalidSignature, KeyError, ValueError) as error:
                service.refused.append(repr(error))
                self.send_response(401)
                self.end_headers()
                return
            if endpoint in service.gone or endpoint not in service.browsers:
                self.send_response(410)
                self.end_headers()
                return
            browser = service.browsers[endpoint]
            payload = http_ece.decrypt(
                body, private_key=browser.private_key, auth_secret=browser.auth, version="aes128gcm"
            )
            service.received.append(
                {"endpoint": endpoint, "claims": claims, "key": key, "data": json.loads(payload)}
            )
            self.send_response(201)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.url = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return service, server


@pytest.fixture
def push_service(settings):
    """The fake push service, and the project's VAPID key set for the test."""
    printed = io.StringIO()
    call_command("generate_vapid_key", stdout=printed)
    settings.NOTIFICATIONS_VAPID_PRIVATE_KEY = printed.getvalue().strip()
    settings.NOTIFICATIONS_PUSH_ALLOW_HTTP = True
    service, server = start_push_service()
    yield service
    server.shutdown()
    server.server_close()
